/** Evidence behind a link or a step: list records (dataset, version, record) or document sentences. */
import type { Evidence as EvidenceItem } from '../api/client';
import { href } from '../router';
import { Badge } from './ui';

export function Evidence({ items, max = 3 }: { items: EvidenceItem[]; max?: number }) {
  if (!items.length) return null;
  return (
    <ul className="evidence">
      {items.slice(0, max).map((ev, i) =>
        ev.kind === 'list' ? (
          <li key={i}>
            <Badge kind="list">list</Badge> {ev.dataset}
            {ev.version && <span className="muted"> v{ev.version}</span>} · record {ev.record_id}
          </li>
        ) : (
          <li key={i}>
            <Badge kind="doc">document</Badge>{' '}
            <a href={href('documents', ev.document_id, { claim: ev.claim_id })}>{ev.title ?? ev.document_id}</a>
            {ev.hedged && <Badge kind="warn">hedged</Badge>}
            {ev.status !== 'accepted' && <Badge kind="muted">{ev.status}</Badge>}
            <blockquote>{ev.sentence}</blockquote>
          </li>
        ),
      )}
      {items.length > max && <li className="muted small">and {items.length - max} more</li>}
    </ul>
  );
}
