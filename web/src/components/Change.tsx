/** A list change: its kind as a badge, and what it added and removed per property. */
import type { Change } from '../api/client';
import { Badge } from './ui';

const KIND_BADGE: Record<string, string> = { added: 'ok', removed: 'danger', changed: 'warn' };

export function ChangeBadge({ kind }: { kind: string }) {
  return <Badge kind={KIND_BADGE[kind] ?? 'muted'}>{kind}</Badge>;
}

export function ChangedProperties({ change }: { change: Change }) {
  return (
    <>
      {Object.entries(change.properties).map(([prop, d]) => (
        <div key={prop} className="small">
          <strong>{prop}</strong>
          {d.added.length > 0 && <span className="added"> + {d.added.join('; ')}</span>}
          {d.removed.length > 0 && <span className="removed"> − {d.removed.join('; ')}</span>}
        </div>
      ))}
    </>
  );
}
