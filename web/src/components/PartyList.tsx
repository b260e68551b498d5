/**
 * The parties a document names. Those a list knows link to their entry; those no list knows
 * (doc-… ids) start as proposed, and analysts accept, reject or correct them, or say which list
 * entry they are (a `same` judgement, the one mechanism for every merge). Viewers see no buttons.
 */
import { useState, type FormEvent } from 'react';
import { api, type DocumentEntity, type PartyMention } from '../api/client';
import { EntityPicker } from './EntityPicker';
import { href } from '../router';
import { Badge, EntityLink, ErrorBox, SchemaChip } from './ui';
import { useSession } from '../session';

const SCHEMATA = ['Person', 'Organization', 'Company', 'PublicBody', 'Country', 'Vessel', 'Location'];

export function PartyList({ entities, reload }: { entities: DocumentEntity[]; reload: () => void }) {
  const canReview = useSession().can('analyst');
  // One row per party (a party may have several ids within the reading only by error).
  const parties = [...new Map(entities.map((e) => [e.id, e])).values()];
  return (
    <section className="card" aria-labelledby="parties-title">
      <h2 id="parties-title">Parties</h2>
      <ul className="plain" aria-label="Parties">
        {parties.map((e) => (
          <PartyRow key={e.id} party={e} canReview={canReview} reload={reload} />
        ))}
      </ul>
    </section>
  );
}

function PartyRow({
  party,
  canReview,
  reload,
}: {
  party: DocumentEntity;
  canReview: boolean;
  reload: () => void;
}) {
  const [mode, setMode] = useState<'none' | 'edit' | 'merge'>('none');
  const [name, setName] = useState(party.name);
  const [schema, setSchema] = useState(party.schema);
  const [error, setError] = useState<Error>();
  const documentOnly = party.id.startsWith('doc-');
  const act = async (run: () => Promise<unknown>) => {
    try {
      setError(undefined);
      await run();
      setMode('none');
      reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const submitEdit = (e: FormEvent) => {
    e.preventDefault();
    void act(() =>
      api.reviewParty(party.id, {
        action: 'edit',
        name: name !== party.name ? name : undefined,
        schema: schema !== party.schema ? schema : undefined,
      }),
    );
  };
  return (
    <li aria-label={`Party: ${party.name}`}>
      {documentOnly ? <strong>{party.name}</strong> : <EntityLink id={party.id} caption={party.name} />}{' '}
      <SchemaChip schema={party.schema} />{' '}
      {documentOnly ? (
        <Badge kind={party.status === 'rejected' ? 'negated' : party.status === 'accepted' ? 'ok' : 'warn'}>
          {party.status ?? 'proposed'}
        </Badge>
      ) : (
        <Badge kind="list">on a list</Badge>
      )}
      {party.ambiguous && <Badge kind="warn">ambiguous link</Badge>}
      {documentOnly && party.same_as && (
        <span className="small">
          {' '}
          judged the same as <EntityLink id={party.same_as.id} caption={party.same_as.caption} />
        </span>
      )}
      {documentOnly && <Mentions id={party.id} name={party.name} />}
      {canReview && documentOnly && mode === 'none' && (
        <span className="actions" role="group" aria-label={`Review ${party.name}`}>
          <button
            type="button"
            className="secondary"
            disabled={party.status === 'accepted'}
            onClick={() => void act(() => api.reviewParty(party.id, { action: 'accept' }))}
          >
            Accept
          </button>
          <button
            type="button"
            className="secondary"
            disabled={party.status === 'rejected'}
            onClick={() => void act(() => api.reviewParty(party.id, { action: 'reject' }))}
          >
            Reject
          </button>
          <button type="button" className="secondary" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="secondary" onClick={() => setMode('merge')}>
            Same as a list entry…
          </button>
        </span>
      )}
      {mode === 'edit' && (
        <form className="inline" onSubmit={submitEdit} aria-label={`Correct ${party.name}`}>
          <label>
            Name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} required />
          </label>
          <label>
            Type{' '}
            <select value={schema} onChange={(e) => setSchema(e.target.value)}>
              {[...new Set([party.schema, ...SCHEMATA])].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <button type="submit">Save</button>
          <button type="button" className="secondary" onClick={() => setMode('none')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'merge' && (
        <div className="inline">
          <EntityPicker
            label={`${party.name} is the list entry`}
            onPick={(r) => void act(() => api.judge(party.id, r.id, 'same', 'named in a document'))}
          />
          <button type="button" className="secondary" onClick={() => setMode('none')}>
            Cancel
          </button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </li>
  );
}

/** Where documents name a party no list knows, loaded on request: the evidence a reviewer weighs. */
function Mentions({ id, name }: { id: string; name: string }) {
  const [mentions, setMentions] = useState<PartyMention[]>();
  const [error, setError] = useState<Error>();
  const [open, setOpen] = useState(false);
  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    if (mentions) return;
    try {
      setMentions((await api.documentParty(id)).mentions);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      {' '}
      <button type="button" className="link" aria-expanded={open} onClick={() => void toggle()}>
        {open ? 'Hide mentions' : 'Mentions'}
      </button>
      {open && error && <ErrorBox error={error} />}
      {open && mentions && (
        <ul className="plain small" aria-label={`Mentions of ${name}`}>
          {mentions.length === 0 && <li className="muted">no mention stored</li>}
          {mentions.map((m) => (
            <li key={`${m.document_id}:${m.start}`}>
              <a href={href('documents', m.document_id)}>{m.title || m.document_id}</a>{' '}
              <span className="muted">
                {m.start}–{m.end}
              </span>{' '}
              {/* Text only: a document's words are never markup. */}
              <MentionSentence mention={m} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MentionSentence({ mention: m }: { mention: PartyMention }) {
  if (m.sentence === null || m.sentence_start === null) return <q>{m.text}</q>;
  const at = m.start - m.sentence_start;
  const len = m.end - m.start;
  if (at < 0 || at + len > m.sentence.length) return <q>{m.sentence}</q>;
  return (
    <q>
      {m.sentence.slice(0, at)}
      <mark>{m.sentence.slice(at, at + len)}</mark>
      {m.sentence.slice(at + len)}
    </q>
  );
}
