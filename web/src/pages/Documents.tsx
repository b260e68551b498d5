/**
 * Documents and the reader: the text with its mentions highlighted (linked to the entity when the
 * store knows the party), the claims beside it with hedged / negated badges, and for analysts the
 * review buttons (accept, reject, edit). Document text is only ever React text, never HTML.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  api,
  hasRoute,
  type Claim,
  type ClaimReview,
  type DocumentDetail,
  type DocumentEntity,
} from '../api/client';
import { Badge, ErrorBox, formatDate, Loading, PageHeader } from '../components/ui';
import { PartyList } from '../components/PartyList';
import { href } from '../router';
import { useSession } from '../session';
import { useAsync } from '../useAsync';

const RELATION_TYPES = [
  'ownership',
  'directorship',
  'membership',
  'employment',
  'family',
  'associate',
  'supplies',
  'pays',
  'finances',
  'transports',
  'trades_with',
  'sanctions',
  'strikes',
  'allied_with',
  'controls',
  'operates',
  'threatens',
  'deploys',
];
const DOMAINS = ['economic', 'energy', 'military', 'diplomatic', 'political', 'social', 'criminal'];

function NoRoutes() {
  return (
    <p className="error" role="alert">
      This server has no document routes (GET /documents): reading is not available.
    </p>
  );
}

export function DocumentsPage() {
  const docs = useAsync(async () => ((await hasRoute('/documents')) ? api.documents() : null), []);
  if (docs.error) return <ErrorBox error={docs.error} />;
  if (docs.data === undefined) return <Loading what="documents" />;
  return (
    <section>
      <PageHeader
        title="Documents"
        sub="Reporting read by Tangle: the parties it names and the links it claims."
      />
      {docs.data === null ? (
        <NoRoutes />
      ) : (
        <table className="table" aria-label="Documents">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Parties
              </th>
              <th scope="col" className="num">
                Claims
              </th>
            </tr>
          </thead>
          <tbody>
            {docs.data.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={href('documents', d.id)}>{d.title || d.id}</a>
                </td>
                <td>{formatDate(d.date)}</td>
                <td className="num">{d.entity_count}</td>
                <td className="num">{d.claim_count}</td>
              </tr>
            ))}
            {!docs.data.length && (
              <tr>
                <td colSpan={4} className="muted">
                  No documents yet: add one with <code>tangle read</code> or POST /documents.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The list entry a document party stands for, when a list knows it. */
function linkedId(e: DocumentEntity): string | null {
  return e.linked_id;
}

interface Segment {
  start: number;
  end: number;
  entity: DocumentEntity | null;
  active: boolean;
}

/**
 * Cut the text at mention boundaries and at the active claim's sentence. Overlapping mentions keep
 * the first (longest at a given start).
 */
function segments(
  text: string,
  entities: DocumentEntity[],
  active: { start: number; end: number } | null,
): Segment[] {
  const mentions = entities
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof mentions = [];
  for (const m of mentions) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  const cuts = new Set([0, text.length]);
  for (const m of kept) cuts.add(m.start).add(m.end);
  if (active) cuts.add(Math.max(0, active.start)).add(Math.min(text.length, active.end));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let k = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    while (k < kept.length && kept[k].end <= start) k++;
    const m = kept[k] && kept[k].start <= start && kept[k].end >= end ? kept[k] : null;
    out.push({
      start,
      end,
      entity: m?.entity ?? null,
      active: !!active && start >= active.start && end <= active.end,
    });
  }
  return out;
}

export function DocumentPage({ id }: { id: string }) {
  const doc = useAsync(async () => ((await hasRoute('/documents/{id}')) ? api.document(id) : null), [id]);
  if (doc.error) return <ErrorBox error={doc.error} />;
  if (doc.data === undefined) return <Loading what="the document" />;
  if (doc.data === null) return <NoRoutes />;
  return <Reader doc={doc.data} reload={doc.reload} />;
}

function Reader({ doc, reload }: { doc: DocumentDetail; reload: () => void }) {
  const [activeId, setActiveId] = useState<string | null>(() =>
    new URLSearchParams(window.location.hash.split('?')[1]).get('claim'),
  );
  const active = doc.claims.find((c) => c.id === activeId) ?? null;
  const parts = useMemo(() => {
    const range =
      active?.start !== undefined && active.end !== undefined
        ? { start: active.start, end: active.end }
        : null;
    return segments(doc.text, doc.entities, range);
  }, [doc, active]);
  // Parties by their id within the reading (e1…) and by their store id.
  const parties = useMemo(() => {
    const m = new Map<string, DocumentEntity>();
    for (const e of doc.entities) m.set(e.local_id, e).set(e.id, e);
    return m;
  }, [doc]);
  useEffect(() => {
    document.querySelector('.evidence-active')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [activeId]);
  const counts = {
    proposed: doc.claims.filter((c) => c.status === 'proposed').length,
    accepted: doc.claims.filter((c) => c.status === 'accepted').length,
    rejected: doc.claims.filter((c) => c.status === 'rejected').length,
  };
  return (
    <article>
      <PageHeader
        title={doc.title || doc.id}
        sub={
          <>
            {formatDate(doc.date)} · {doc.entities.length} parties · {doc.claims.length} claims (
            {counts.accepted} accepted, {counts.proposed} to review, {counts.rejected} rejected)
            {doc.url && (
              <>
                {' '}
                ·{' '}
                <a href={doc.url} rel="noreferrer noopener" target="_blank">
                  source
                </a>
              </>
            )}
          </>
        }
      >
        <a className="button secondary" href={href('documents')}>
          All documents
        </a>
      </PageHeader>
      <div className="reader">
        <section className="card">
          <h2>Text</h2>
          <div className="doc-text" aria-label="Document text">
            {parts.map((p) => {
              const text = doc.text.slice(p.start, p.end);
              const cls = p.active ? 'evidence-active' : undefined;
              if (!p.entity)
                return (
                  <span key={p.start} className={cls}>
                    {text}
                  </span>
                );
              const linked = linkedId(p.entity);
              const title = `${p.entity.name} (${p.entity.schema}${linked ? '' : ', no list entry'})`;
              return linked ? (
                <a
                  key={p.start}
                  href={href('entity', linked)}
                  className={`mention linked ${cls ?? ''}`}
                  title={title}
                >
                  {text}
                </a>
              ) : (
                <mark key={p.start} className={`mention ${cls ?? ''}`} title={title}>
                  {text}
                </mark>
              );
            })}
          </div>
        </section>
        <section aria-label="Claims">
          <PartyList entities={doc.entities} reload={reload} />
          <h2>Claims</h2>
          {doc.claims.map((c) => (
            <ClaimCard
              key={c.id}
              claim={c}
              parties={parties}
              active={c.id === activeId}
              onShow={() => setActiveId(c.id === activeId ? null : c.id)}
              reload={reload}
            />
          ))}
          {!doc.claims.length && <p className="muted">No claims in this document.</p>}
        </section>
      </div>
    </article>
  );
}

function ClaimCard({
  claim,
  parties,
  active,
  onShow,
  reload,
}: {
  claim: Claim;
  parties: Map<string, DocumentEntity>;
  active: boolean;
  onShow: () => void;
  reload: () => void;
}) {
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ type: claim.type, domain: claim.domain, reverse: false });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const source = parties.get(claim.source_local) ?? parties.get(claim.source_id);
  const target = parties.get(claim.target_local) ?? parties.get(claim.target_id);
  const review = async (r: ClaimReview) => {
    setBusy(true);
    setError('');
    try {
      await api.reviewClaim(claim.id, r);
      setEditing(false);
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const label = `${source?.name ?? claim.source_id} ${claim.type} ${target?.name ?? claim.target_id}`;
  return (
    <div className={`claim ${active ? 'active' : ''} ${claim.status}`} aria-label={`Claim: ${label}`}>
      <div className="row">
        <strong>
          <ClaimParty party={source} id={claim.source_id} />{' '}
          <span className="muted">{claim.type.replace(/_/g, ' ')}</span>{' '}
          <ClaimParty party={target} id={claim.target_id} />
        </strong>
        <span className="badges">
          <Badge kind={claim.status === 'accepted' ? 'ok' : claim.status === 'rejected' ? 'danger' : 'muted'}>
            {claim.status}
          </Badge>
          {[source, target].some((p) => p?.status === 'rejected') && (
            <Badge kind="negated" title="a reviewer rejected a party of this claim: it makes no link">
              party rejected
            </Badge>
          )}
          {claim.hedged && (
            <Badge kind="warn" title="the sentence hedges: alleged, reportedly…">
              hedged
            </Badge>
          )}
          {claim.negated && (
            <Badge kind="negated" title="the sentence denies it: never an edge">
              negated
            </Badge>
          )}
        </span>
      </div>
      <p className="small muted">
        {claim.domain}
        {claim.item && ` · ${claim.item}`}
        {claim.date && ` · ${claim.date}`}
        {claim.reviewed_by && ` · reviewed by ${claim.reviewed_by}`}
      </p>
      {claim.sentence && <p className="sentence">“{claim.sentence}”</p>}
      <div className="actions">
        <button type="button" className="link" onClick={onShow} aria-pressed={active}>
          {active ? 'Hide in text' : 'Show in text'}
        </button>
        {session.can('analyst') && !editing && (
          <>
            <button
              type="button"
              disabled={busy || claim.status === 'accepted'}
              onClick={() => void review({ action: 'accept' })}
            >
              Accept
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy || claim.status === 'rejected'}
              onClick={() => void review({ action: 'reject' })}
            >
              Reject
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setEditing(true)}>
              Edit
            </button>
          </>
        )}
      </div>
      {editing && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void review({ action: 'edit', ...draft });
          }}
        >
          <label>
            Type
            <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
              {[...new Set([draft.type, ...RELATION_TYPES])].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label>
            Domain
            <select value={draft.domain} onChange={(e) => setDraft({ ...draft, domain: e.target.value })}>
              {[...new Set([draft.domain, ...DOMAINS])].map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.reverse}
              onChange={(e) => setDraft({ ...draft, reverse: e.target.checked })}
            />{' '}
            the other way round ({target?.name ?? claim.target_id} → {source?.name ?? claim.source_id})
          </label>
          <div className="actions">
            <button type="submit" disabled={busy}>
              Save and accept
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ClaimParty({ party, id }: { party: DocumentEntity | undefined; id: string }) {
  // A party a list knows links to its entity; one only documents know is named as the text names it.
  const linked = party ? party.linked_id : id.startsWith('doc-') ? null : id;
  const name = party?.name ?? id;
  return linked ? <a href={href('entity', linked)}>{name}</a> : <span title="no list entry">{name}</span>;
}
