/**
 * The list entries resolved into one party with this entity (GET /resolve/{id}): each with its
 * list and record, the judgements that joined them (who, when, how), and for analysts a split
 * that gives every entry its own identity back.
 */
import { useState } from 'react';
import { api } from '../api/client';
import { Badge, EntityLink, ErrorBox, formatDate } from './ui';
import { useSession } from '../session';
import { useAsync } from '../useAsync';

export function ClusterSection({ id, onChange }: { id: string; onChange: () => void }) {
  const session = useSession();
  const cluster = useAsync(() => api.cluster(id), [id]);
  const [error, setError] = useState<Error>();
  const [confirming, setConfirming] = useState(false);
  if (!cluster.data || cluster.data.members.length < 2) return null;
  const c = cluster.data;
  const split = async () => {
    try {
      await api.split(c.canonical_id);
      setConfirming(false);
      onChange();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="card" aria-labelledby="cluster-title">
      <h2 id="cluster-title">One party in {c.members.length} list entries</h2>
      <p className="muted small">canonical id {c.canonical_id}</p>
      <ul className="plain" aria-label="Merged entries">
        {c.member_details.map((m) => (
          <li key={m.id}>
            <EntityLink id={m.id} caption={m.caption} />{' '}
            <span className="muted small">
              {Object.entries(m.source_ids)
                .flatMap(([d, ids]) => ids.map((r) => `${d} record ${r}`))
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <ul className="plain small" aria-label="Judgements">
        {c.judgements.map((j) => (
          <li key={`${j.left}|${j.right}`}>
            <Badge kind={j.decision === 'same' ? 'ok' : 'muted'}>{j.decision}</Badge> {j.left} · {j.right} ·{' '}
            {j.method === 'auto' ? 'merged automatically' : `by ${j.user}`} on {formatDate(j.at)}
            {j.reason && <span className="muted"> ({j.reason})</span>}
          </li>
        ))}
      </ul>
      {error && <ErrorBox error={error} />}
      {session.can('analyst') &&
        (confirming ? (
          <div className="actions" role="group" aria-label="Confirm split">
            <span>Give each of the {c.members.length} entries its own identity again?</span>
            <button type="button" onClick={() => void split()}>
              Yes, split
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Split this party
          </button>
        ))}
    </section>
  );
}
