/**
 * Documents and the reader: the text with its mentions highlighted (linked to the entity when the
 * store knows the party), the claims beside it with hedged / negated badges, and for analysts the
 * review buttons (accept, reject, edit). Document text is only ever React text, never HTML.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, hasRoute, type Claim, type ClaimReview, type DocumentDetail, type DocumentEntity } from '../api/client';
import { Badge, ErrorBox, formatDate, Loading, PageHeader } from '../components/ui';
import { href } from '../router';
import { useSession } from '../session';
import { useAsync } from '../useAsync';

const RELATION_TYPES = [
  'ownership', 'directorship', 'membership', 'employment', 'family', 'associate', 'supplies', 'pays',
  'finances', 'transports', 'trades_with', 'sanctions', 'strikes', 'allied_with', 'controls', 'operates',
  'threatens', 'deploys',
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
      <PageHeader title="Documents" sub="Reporting read by Tangle: the parties it names and the links it claims." />
      {docs.data === null ? (
        <NoRoutes />
      ) : (
        <table className="table" aria-label="Documents">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">Parties</th>
              <th scope="col" className="num">Claims</th>
            </tr>
          </thead>
          <tbody>
            {docs.data.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={href('documents', d.id)}>{d.title || d.id}</a>
                </td>
                <td>{formatDate(d.date)}</td>
                <td className="num">{d.entity_count ?? '—'}</td>
                <td className="num">{d.claim_count ?? '—'}</td>
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

/** The store entity a document party stands for, when the store knows it. */
function linkedId(e: DocumentEntity): string | null {
  return e.linked_id ?? e.entity_id ?? null;
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
function segments(text: string, entities: DocumentEntity[], active: { start: number; end: number } | null): Segment[] {
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
    out.push({ start, end, entity: m?.entity ?? null, active: !!active && start >= active.start && end <= active.end });
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
  const [activeId, setActiveId] = useState<string | null>(() => new URLSearchParams(window.location.hash.split('?')[1]).get('claim'));
  const active = doc.claims.find((c) => c.id === activeId) ?? null;
  const parts = useMemo(() => {
    const range = active?.start !== undefined && active.end !== undefined ? { start: active.start, end: active.end } : null;
    return segments(doc.text, doc.entities, range);
  }, [doc, active]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const e of doc.entities) {
      const name = e.caption ?? e.name ?? e.id;
      m.set(e.id, name);
      const linked = linkedId(e);
      if (linked) m.set(linked, name);
    }
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
            {formatDate(doc.date)} · {doc.entities.length} parties · {doc.claims.length} claims ({counts.accepted}{' '}
            accepted, {counts.proposed} to review, {counts.rejected} rejected)
            {doc.url && (
              <>
                {' '}
                · <a href={doc.url} rel="noreferrer noopener" target="_blank">source</a>
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
              if (!p.entity) return <span key={p.start} className={cls}>{text}</span>;
              const linked = linkedId(p.entity);
              const title = `${p.entity.caption ?? p.entity.name ?? ''} (${p.entity.schema})`;
              return linked ? (
                <a key={p.start} href={href('entity', linked)} className={`mention linked ${cls ?? ''}`} title={title}>
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
          <h2>Claims</h2>
          {doc.claims.map((c) => (
            <ClaimCard
              key={c.id}
              claim={c}
              names={names}
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
  names,
  active,
  onShow,
  reload,
}: {
  claim: Claim;
  names: Map<string, string>;
  active: boolean;
  onShow: () => void;
  reload: () => void;
}) {
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ type: claim.type, domain: claim.domain, hedged: claim.hedged, negated: claim.negated });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const name = (id: string, fallback?: string) => names.get(id) ?? fallback ?? id;
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
  const label = `${name(claim.source, claim.source_caption)} ${claim.type} ${name(claim.target, claim.target_caption)}`;
  return (
    <div className={`claim ${active ? 'active' : ''} ${claim.status}`} aria-label={`Claim: ${label}`}>
      <div className="row">
        <strong>
          <ClaimParty id={claim.source} name={name(claim.source, claim.source_caption)} />{' '}
          <span className="muted">{claim.type.replace(/_/g, ' ')}</span>{' '}
          <ClaimParty id={claim.target} name={name(claim.target, claim.target_caption)} />
        </strong>
        <span className="badges">
          <Badge kind={claim.status === 'accepted' ? 'ok' : claim.status === 'rejected' ? 'danger' : 'muted'}>{claim.status}</Badge>
          {claim.hedged && <Badge kind="warn" title="the sentence hedges: alleged, reportedly…">hedged</Badge>}
          {claim.negated && <Badge kind="negated" title="the sentence denies it: never an edge">negated</Badge>}
        </span>
      </div>
      <p className="small muted">
        {claim.domain}
        {claim.date && ` · ${claim.date}`}
      </p>
      {claim.sentence && <p className="sentence">{claim.sentence}</p>}
      <div className="actions">
        <button type="button" className="link" onClick={onShow} aria-pressed={active}>
          {active ? 'Hide in text' : 'Show in text'}
        </button>
        {session.can('analyst') && !editing && (
          <>
            <button type="button" disabled={busy || claim.status === 'accepted'} onClick={() => void review({ action: 'accept' })}>
              Accept
            </button>
            <button type="button" className="secondary" disabled={busy || claim.status === 'rejected'} onClick={() => void review({ action: 'reject' })}>
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
            <input type="checkbox" checked={draft.hedged} onChange={(e) => setDraft({ ...draft, hedged: e.target.checked })} /> hedged
          </label>
          <label className="inline">
            <input type="checkbox" checked={draft.negated} onChange={(e) => setDraft({ ...draft, negated: e.target.checked })} /> negated
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

function ClaimParty({ id, name }: { id: string; name: string }) {
  // Parties no list knows have document-derived ids (doc-…); they still have an entity page once
  // the graph knows them, but a local extraction id ("e1") does not.
  return /^e\d+$/.test(id) ? <span>{name}</span> : <a href={href('entity', id)}>{name}</a>;
}
