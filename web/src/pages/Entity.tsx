/**
 * An entity with the source of everything said about it: names and aliases, every property value
 * with the list, versions, record and file line it came from, sanctions, relationships (from the
 * lists, and from the network with their evidence), documents, list history, exposure, comments.
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  api,
  hasRoute,
  type Change,
  type Entity,
  type GraphEdge,
  type Neighbourhood,
  type Relationship,
  type Statement,
} from '../api/client';
import { Evidence } from '../components/Evidence';
import {
  Badge,
  EntityLink,
  ErrorBox,
  formatDate,
  Loading,
  PageHeader,
  Programmes,
  SchemaChip,
} from '../components/ui';
import { ChangeBadge, ChangedProperties } from '../components/Change';
import { ClusterSection } from '../components/Cluster';
import { href } from '../router';
import { useSession } from '../session';
import { useAsync } from '../useAsync';

const NAME_PROPS = ['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'middleName'];
const SANCTION_PROPS = [
  'program',
  'programId',
  'authority',
  'startDate',
  'endDate',
  'listingDate',
  'reason',
  'provisions',
];

export function EntityPage({ id }: { id: string }) {
  const entity = useAsync(() => api.entity(id), [id]);
  if (entity.error) return <ErrorBox error={entity.error} />;
  if (!entity.data) return <Loading what="the entity" />;
  return <EntityView entity={entity.data} reload={entity.reload} />;
}

function EntityView({ entity, reload }: { entity: Entity; reload: () => void }) {
  const captions = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of entity.references ?? []) if (r.caption) m.set(r.id, r.caption);
    return m;
  }, [entity]);
  const sanctions = (entity.relationships ?? []).filter((r) => r.schema === 'Sanction');
  const others = (entity.relationships ?? []).filter((r) => r.schema !== 'Sanction');
  const programmes = entity.properties.program ?? [];
  return (
    <article className="entity">
      <PageHeader
        title={entity.caption}
        sub={
          <>
            <SchemaChip schema={entity.schema} />{' '}
            {entity.target ? <Badge kind="danger">listed</Badge> : <Badge kind="muted">delisted</Badge>}{' '}
            <span className="muted">
              in {entity.datasets.join(', ')} · first seen {formatDate(entity.first_seen)} · last changed{' '}
              {formatDate(entity.last_change)}
            </span>
          </>
        }
      >
        {/* The network holds what the lists hold now: an entry they dropped is not in it. */}
        {entity.target ? (
          <>
            <a className="button" href={href('network', { id: entity.id })}>
              Explore network
            </a>
            <a className="button secondary" href={href('timeline', { id: entity.id })}>
              Timeline
            </a>
          </>
        ) : (
          <Badge kind="muted">no longer listed: not in the network</Badge>
        )}
      </PageHeader>
      {programmes.length > 0 && (
        <p>
          Programmes: <Programmes values={programmes} />
        </p>
      )}
      <div className="grid-2">
        <div>
          <Names statements={entity.statements} />
          <Properties statements={entity.statements} captions={captions} />
          <History id={entity.id} />
        </div>
        <div>
          <ClusterSection
            key={entity.id + (entity.referents?.length ?? 0)}
            id={entity.id}
            onChange={reload}
          />
          <Sanctions sanctions={sanctions} />
          <Relationships relationships={others} />
          {entity.target && <NetworkSections id={entity.id} />}
          <MentioningDocuments id={entity.id} />
          <Comments id={entity.id} />
        </div>
      </div>
    </article>
  );
}

function Source({ s }: { s: Statement }) {
  const versions = s.firstVersion === s.lastVersion ? s.firstVersion : `${s.firstVersion} → ${s.lastVersion}`;
  return (
    <span className="source">
      <a href={href('datasets', s.dataset)}>{s.dataset}</a> · record {s.recordId}
      <span className="muted">
        {' '}
        · v{versions}
        {s.origin && ` · ${s.origin}`}
      </span>
    </span>
  );
}

function Names({ statements }: { statements: Statement[] }) {
  const names = statements.filter((s) => NAME_PROPS.includes(s.prop));
  return (
    <section className="card">
      <h2>Names and aliases</h2>
      <table className="table compact fixed" aria-label="Names and aliases">
        <colgroup>
          <col style={{ width: '38%' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '40%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {names.map((s) => (
            <tr key={s.id} className={s.current ? '' : 'historic'}>
              <td lang={s.lang ?? undefined}>{s.value}</td>
              <td>
                {s.prop}
                {!s.current && <Badge kind="muted">removed</Badge>}
              </td>
              <td>
                <Source s={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Properties({ statements, captions }: { statements: Statement[]; captions: Map<string, string> }) {
  const [showAll, setShowAll] = useState(false);
  const rows = statements
    .filter((s) => !NAME_PROPS.includes(s.prop) && (showAll || s.current))
    .sort((a, b) => a.prop.localeCompare(b.prop) || Number(b.current) - Number(a.current));
  const hidden = statements.filter((s) => !NAME_PROPS.includes(s.prop) && !s.current).length;
  return (
    <section className="card">
      <h2>Properties and their sources</h2>
      <table className="table compact fixed" aria-label="Properties">
        <colgroup>
          <col style={{ width: '22%' }} />
          <col style={{ width: '38%' }} />
          <col style={{ width: '40%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Property</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className={s.current ? '' : 'historic'}>
              <th scope="row">{s.prop}</th>
              <td>
                {s.propType === 'entity' ? (
                  <EntityLink id={s.value} caption={captions.get(s.value)} />
                ) : (
                  s.value
                )}
                {!s.current && <Badge kind="muted">removed</Badge>}
              </td>
              <td>
                <Source s={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <button type="button" className="link" onClick={() => setShowAll(!showAll)}>
          {showAll
            ? 'Hide values no longer listed'
            : `Show ${hidden} value${hidden === 1 ? '' : 's'} no longer listed`}
        </button>
      )}
    </section>
  );
}

function Sanctions({ sanctions }: { sanctions: Relationship[] }) {
  if (!sanctions.length) return null;
  return (
    <section className="card">
      <h2>Sanctions</h2>
      <ul className="plain">
        {sanctions.map((s) => (
          <li key={s.id} className="sanction">
            <Programmes values={s.properties.program} />
            <dl className="kv">
              {SANCTION_PROPS.filter((p) => p !== 'program' && s.properties[p]?.length).map((p) => (
                <div key={p}>
                  <dt>{p}</dt>
                  <dd>{s.properties[p].join('; ')}</dd>
                </div>
              ))}
              <div>
                <dt>source</dt>
                <dd>{s.datasets.join(', ')}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Relationships({ relationships }: { relationships: Relationship[] }) {
  const groups = new Map<string, Relationship[]>();
  for (const r of relationships) groups.set(r.schema, [...(groups.get(r.schema) ?? []), r]);
  if (!groups.size) return null;
  return (
    <section className="card">
      <h2>Relationships in the lists</h2>
      {[...groups].map(([schema, rels]) => (
        <div key={schema} className="group">
          <h3>
            {schema} <span className="count">{rels.length}</span>
          </h3>
          <ul className="plain">
            {rels.map((r) => (
              <li key={r.id}>
                {!r.others.length && <span>{describeRelationship(r)}</span>}
                {r.others.map((o, i) => (
                  <span key={o.id + i}>
                    {i > 0 && ', '}
                    <span className="muted">{o.prop}:</span> <EntityLink id={o.id} caption={o.caption} />
                  </span>
                ))}
                {r.properties.relationship?.length ? (
                  <span className="muted"> ({r.properties.relationship.join('; ')})</span>
                ) : null}
                <span className="muted small"> · {r.datasets.join(', ')}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** A relationship that names no other party (an identification, a passport): its own details. */
function describeRelationship(r: Relationship): string {
  const keys = ['number', 'type', 'country', 'authority', 'startDate', 'endDate'];
  const parts = keys.flatMap((k) => (r.properties[k]?.length ? [`${k} ${r.properties[k].join('; ')}`] : []));
  return parts.length ? parts.join(' · ') : r.caption;
}

/** Links by domain and type with their evidence, documents that mention it, exposure: from /graph. */
function NetworkSections({ id }: { id: string }) {
  const data = useAsync(async () => {
    const [neighbours, exposure] = await Promise.all([
      hasRoute('/graph/neighbours/{id}').then((ok) =>
        ok ? api.neighbours(id, { hops: 1, limit: 200 }) : null,
      ),
      hasRoute('/graph/exposure/{id}').then((ok) => (ok ? api.exposure(id, 2) : null)),
    ]);
    return { neighbours, exposure };
  }, [id]);
  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading what="the network" />;
  const { neighbours, exposure } = data.data;
  if (!neighbours) return null;
  return (
    <>
      <NetworkLinks id={id} hood={neighbours} />
      {exposure && (
        <section className="card">
          <h2>
            Exposure <span className="count">{exposure.total} sanctioned within two steps</span>
          </h2>
          {exposure.exposures.length === 0 ? (
            <p className="muted">No other sanctioned party within two steps.</p>
          ) : (
            <ul className="plain">
              {exposure.exposures.slice(0, 15).map((x) => (
                <li key={x.entity_id}>
                  <EntityLink id={x.entity_id} caption={x.caption} /> <Programmes values={x.programmes} />
                  <div className="muted small">
                    {x.distance} step{x.distance === 1 ? '' : 's'}
                    {x.path_captions.length > 2 && `, via ${x.path_captions.slice(1, -1).join(' → ')}`}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function NetworkLinks({ id, hood }: { id: string; hood: Neighbourhood }) {
  const caption = new Map(hood.nodes.map((n) => [n.id, n.caption]));
  const groups = new Map<string, GraphEdge[]>();
  for (const e of hood.edges) {
    if (e.source !== id && e.target !== id) continue;
    const key = `${e.domain} · ${e.type}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return (
    <section className="card">
      <h2>Links by type and domain</h2>
      {!groups.size && <p className="muted">No links in the network.</p>}
      {[...groups].sort().map(([key, edges]) => (
        <div key={key} className="group">
          <h3>
            {key} <span className="count">{edges.length}</span>
          </h3>
          <ul className="plain">
            {edges.map((e) => {
              const other = e.source === id ? e.target : e.source;
              return (
                <li key={e.id}>
                  <EntityLink id={other} caption={caption.get(other)} />{' '}
                  <span className="muted small">strength {e.strength.toFixed(2)}</span>
                  <Evidence items={e.evidence} />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Documents whose claims name the entity (GET /claims?entity=), rejected claims aside. */
function MentioningDocuments({ id }: { id: string }) {
  const data = useAsync(async () => {
    if (!(await hasRoute('/claims'))) return null;
    const { claims } = await api.claims({ entity: id, status: 'proposed,accepted', limit: 1000 });
    const docs = new Map<string, { title: string; date: string | null; claims: number }>();
    for (const c of claims) {
      const d = docs.get(c.document.id) ?? {
        title: c.document.title ?? c.document.id,
        date: c.document.date,
        claims: 0,
      };
      d.claims++;
      docs.set(c.document.id, d);
    }
    return docs;
  }, [id]);
  if (!data.data) return data.error ? <ErrorBox error={data.error} /> : null;
  return (
    <section className="card">
      <h2>Documents that mention it</h2>
      {!data.data.size && <p className="muted">No document claims anything about it.</p>}
      <ul className="plain">
        {[...data.data].map(([docId, d]) => (
          <li key={docId}>
            <a href={href('documents', docId)}>{d.title}</a>{' '}
            <span className="muted small">
              {formatDate(d.date)} · {d.claims} claim{d.claims === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ id }: { id: string }) {
  const changes = useAsync(() => api.entityChanges(id), [id]);
  return (
    <section className="card">
      <h2>History of list changes</h2>
      {changes.error && <ErrorBox error={changes.error} />}
      {changes.data && !changes.data.length && <p className="muted">No recorded changes.</p>}
      {changes.data && changes.data.length > 0 && (
        <ol className="timeline-list">
          {changes.data.map((c: Change, i) => (
            <li key={`${c.dataset}-${c.version}-${i}`}>
              <span className="date">{formatDate(c.date)}</span> <ChangeBadge kind={c.kind} />{' '}
              <span className="muted">
                {c.dataset} v{c.version}
              </span>
              <ChangedProperties change={c} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Comments({ id }: { id: string }) {
  const session = useSession();
  const comments = useAsync(() => api.comments(id), [id]);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api.addComment(id, text);
      setText('');
      comments.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {comments.error && <ErrorBox error={comments.error} />}
      {comments.data && !comments.data.length && <p className="muted">No comments yet.</p>}
      <ul className="plain comments">
        {comments.data?.map((c) => (
          <li key={c.id}>
            <p className="comment-meta">
              <strong>{c.author}</strong>{' '}
              <span className="muted small">{c.createdAt.replace('T', ' ').slice(0, 16)}</span>
            </p>
            <p className="comment-text">{c.text}</p>
          </li>
        ))}
      </ul>
      {session.can('analyst') ? (
        <form onSubmit={submit} className="form">
          <label>
            Add a comment
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={3}
              maxLength={4000}
              required
            />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy || !text.trim()}>
            Post comment
          </button>
        </form>
      ) : session.user ? (
        <p className="muted">Only analysts and admins comment; you are a {session.user.role}.</p>
      ) : (
        <p className="muted">
          <a href={href('login', { next: window.location.hash })}>Log in</a> to comment.
        </p>
      )}
    </section>
  );
}
