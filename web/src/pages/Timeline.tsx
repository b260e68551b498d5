/**
 * The timeline of an entity, or of a pair: when the lists added, changed or dropped each of them,
 * when their sanctions started, and the dated links of the network (between the two, for a pair),
 * each with its source. A chart on a time axis and the same events as a table.
 */
import { useMemo, useState } from 'react';
import { api, hasRoute, type Entity, type Evidence as EvidenceItem } from '../api/client';
import { Chart, type ChartOption } from '../charts/Chart';
import { EntityPicker } from '../components/EntityPicker';
import { Evidence } from '../components/Evidence';
import { Badge, EntityLink, ErrorBox, Loading, PageHeader } from '../components/ui';
import { href, navigate } from '../router';
import { useAsync } from '../useAsync';

interface Event {
  date: string;
  lane: string;
  kind: string;
  label: string;
  evidence: EvidenceItem[];
  source: string;
}

const KIND_COLOURS: Record<string, string> = {
  added: '#146c2e',
  changed: '#b26a00',
  removed: '#b42318',
  sanction: '#7a1f9e',
  link: '#1f5fbf',
};

async function eventsOf(entity: Entity, other: Entity | null): Promise<Event[]> {
  const name = entity.caption;
  const out: Event[] = [];
  for (const c of await api.entityChanges(entity.id)) {
    const props = Object.keys(c.properties);
    out.push({
      date: c.date.slice(0, 10),
      lane: `${name}: lists`,
      kind: c.kind,
      label: `${c.kind} in ${c.dataset}${props.length ? ` (${props.join(', ')})` : ''}`,
      evidence: [],
      source: `${c.dataset} v${c.version}`,
    });
  }
  for (const r of entity.relationships ?? []) {
    if (r.schema !== 'Sanction') continue;
    const date = (r.properties.startDate ?? r.properties.listingDate ?? [])[0];
    if (date)
      out.push({
        date: date.slice(0, 10),
        lane: `${name}: lists`,
        kind: 'sanction',
        label: `sanctioned under ${(r.properties.program ?? []).join(', ') || 'a programme'}`,
        evidence: [],
        source: r.datasets.join(', '),
      });
  }
  if (await hasRoute('/graph/neighbours/{id}')) {
    const hood = await api.neighbours(entity.id, { hops: 1, limit: 500 });
    const caption = new Map(hood.nodes.map((n) => [n.id, n.caption]));
    for (const e of hood.edges) {
      if (!e.date || (e.source !== entity.id && e.target !== entity.id)) continue;
      const far = e.source === entity.id ? e.target : e.source;
      if (other && far !== other.id) continue;
      out.push({
        date: e.date,
        lane: other ? `${name} – ${other.caption}` : `${name}: links`,
        kind: 'link',
        label: `${e.type.replace(/_/g, ' ')} ${caption.get(far) ?? far} (${e.domain})`,
        evidence: e.evidence,
        source: e.evidence.length ? `${e.evidence.length} evidence` : '',
      });
    }
  }
  return out;
}

/** Dates of any precision (YYYY, YYYY-MM, YYYY-MM-DD) as a day for the time axis. */
function day(date: string): string {
  return date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date.slice(0, 10);
}

export default function TimelinePage({ query }: { query: URLSearchParams }) {
  const id = query.get('id');
  const otherId = query.get('other');
  const [picked, setPicked] = useState<string | null>(null);
  const data = useAsync(async () => {
    if (!id) return null;
    const [a, b] = await Promise.all([api.entity(id), otherId ? api.entity(otherId) : Promise.resolve(null)]);
    const events = [...(await eventsOf(a, b)), ...(b ? (await eventsOf(b, a)).filter((e) => e.kind !== 'link') : [])];
    events.sort((x, y) => x.date.localeCompare(y.date) || x.lane.localeCompare(y.lane));
    return { a, b, events };
  }, [id, otherId]);

  const lanes = useMemo(() => [...new Set(data.data?.events.map((e) => e.lane) ?? [])], [data.data]);
  const option: ChartOption = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: { event: Event } }) => {
          // echarts renders tooltip strings as HTML: escape the text from the lists.
          const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
          return `${esc(p.data.event.date)}<br/>${esc(p.data.event.label)}`;
        },
      },
      grid: { left: 220, right: 30, top: 20, bottom: 60 },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: lanes, inverse: true },
      dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 10 }],
      series: [
        {
          type: 'scatter',
          symbolSize: 13,
          data: (data.data?.events ?? []).map((e, i) => ({
            value: [day(e.date), e.lane],
            event: e,
            index: i,
            itemStyle: { color: KIND_COLOURS[e.kind] ?? '#4a5568' },
          })),
        },
      ],
    }),
    [data.data, lanes],
  );

  return (
    <section>
      <PageHeader
        title={data.data ? (data.data.b ? `${data.data.a.caption} and ${data.data.b.caption}` : data.data.a.caption) : 'Timeline'}
        sub="When the lists listed, changed and dropped them, and the dated links between parties."
      />
      <div className="card">
        <div className="grid-2">
          <EntityPicker label="Entity" onPick={(r) => navigate(href('timeline', { id: r.id, other: otherId ?? undefined }))} />
          <EntityPicker
            label="Compare with (optional)"
            onPick={(r) => id && navigate(href('timeline', { id, other: r.id }))}
          />
        </div>
      </div>
      {data.error && <ErrorBox error={data.error} />}
      {id && !data.data && !data.error && <Loading what="the timeline" />}
      {data.data && (
        <>
          <div className="card">
            {data.data.events.length ? (
              <Chart
                option={option}
                label="Timeline chart"
                height={Math.max(220, 90 + 50 * lanes.length)}
                onClick={(e) => setPicked(`${e.dataIndex}`)}
              />
            ) : (
              <p className="muted">No dated events.</p>
            )}
          </div>
          <div className="card">
            <h2>Events</h2>
            <table className="table compact" aria-label="Events">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {data.data.events.map((e, i) => (
                  <tr key={i} className={picked === `${i}` ? 'selected' : ''}>
                    <td>{e.date}</td>
                    <td>{e.lane}</td>
                    <td>
                      <Badge kind={e.kind === 'added' ? 'ok' : e.kind === 'removed' ? 'danger' : e.kind === 'link' ? 'list' : 'warn'}>
                        {e.kind}
                      </Badge>{' '}
                      {e.label}
                      <Evidence items={e.evidence} max={1} />
                    </td>
                    <td className="small">{e.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="small">
              <EntityLink id={data.data.a.id} caption={`Open ${data.data.a.caption}`} />
              {data.data.b && (
                <>
                  {' · '}
                  <EntityLink id={data.data.b.id} caption={`Open ${data.data.b.caption}`} />
                </>
              )}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
