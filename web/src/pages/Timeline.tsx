/**
 * The timeline of an entity, or of a pair (GET /graph/timeline): when each was listed and under
 * which programme, what list versions changed about them, and their dated relationships and
 * claims (for a pair, the links between the two), each with its source. A chart on a time axis
 * and the same events as a table.
 */
import { useMemo, useState } from 'react';
import { api, hasRoute, type Evidence as EvidenceItem, type TimelineResponse } from '../api/client';
import { Chart, type ChartOption } from '../charts/Chart';
import { EntityPicker } from '../components/EntityPicker';
import { Evidence } from '../components/Evidence';
import { Badge, EntityLink, ErrorBox, Loading, PageHeader } from '../components/ui';
import { href, navigate } from '../router';
import { useAsync } from '../useAsync';

interface Event {
  date: string | null;
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
  listing: '#7a1f9e',
  relationship: '#1f5fbf',
  claim: '#0f766e',
};

/** GET /graph/timeline's events as rows: one lane per party for the lists, one for links. */
function rows(t: TimelineResponse, pair: boolean): Event[] {
  const caption = new Map(t.entities.map((e) => [e.id, e.caption]));
  const name = (id: string) => caption.get(id) ?? id;
  const links = pair ? `${t.entities[0].caption} – ${t.entities[1]?.caption}` : `${t.entities[0].caption}: links`;
  return t.events.map((e): Event => {
    switch (e.kind) {
      case 'listing':
        return { date: e.date, lane: `${name(e.entity_id)}: lists`, kind: 'listing', label: `listed under ${e.programme}`, evidence: [], source: e.dataset };
      case 'list_change':
        return {
          date: e.date.slice(0, 10),
          lane: `${name(e.entity_id)}: lists`,
          kind: e.change,
          label: `${e.change} in ${e.dataset}${e.properties.length ? ` (${e.properties.join(', ')})` : ''}`,
          evidence: [],
          source: `${e.dataset} v${e.version}`,
        };
      default:
        return {
          date: e.date ?? null,
          lane: links,
          kind: e.kind,
          label: `${e.type.replace(/_/g, ' ')} ${e.other_caption} (${e.domain})`,
          evidence: e.evidence,
          source: e.kind === 'claim' ? 'reporting' : 'lists',
        };
    }
  });
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
    if (!id || !(await hasRoute('/graph/timeline/{id}'))) return null;
    const t = await api.timeline(id, otherId);
    return { a: t.entities[0], b: t.entities[1] ?? null, events: rows(t, !!otherId), total: t.total };
  }, [id, otherId]);

  const lanes = useMemo(() => [...new Set(data.data?.events.map((e) => e.lane) ?? [])], [data.data]);
  const option: ChartOption = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: { event: Event } }) => {
          // echarts renders tooltip strings as HTML: escape the text from the lists.
          const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
          return `${esc(p.data.event.date ?? '')}<br/>${esc(p.data.event.label)}`;
        },
      },
      grid: { left: 220, right: 30, top: 20, bottom: 60 },
      // Some room either side, so the first and last events are not on the axes.
      xAxis: {
        type: 'time',
        min: (v: { min: number }) => v.min - 180 * 864e5,
        max: (v: { max: number }) => v.max + 180 * 864e5,
      },
      yAxis: { type: 'category', data: lanes, inverse: true },
      dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 10 }],
      series: [
        {
          type: 'scatter',
          symbolSize: 13,
          data: (data.data?.events ?? []).flatMap((e, i) => (e.date ? [{
            value: [day(e.date), e.lane],
            event: e,
            index: i,
            itemStyle: { color: KIND_COLOURS[e.kind] ?? '#4a5568' },
          }] : [])),
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
      {id && data.data === null && (
        <p className="error" role="alert">
          This server has no graph routes (GET /graph/timeline): timelines are not available.
        </p>
      )}
      {id && data.loading && <Loading what="the timeline" />}
      {data.data && (
        <>
          <div className="card">
            {data.data.events.length ? (
              <Chart
                option={option}
                label="Timeline chart"
                height={Math.max(220, 90 + 50 * lanes.length)}
                onClick={(e) => setPicked(`${(e.data as { index: number }).index}`)}
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
                    <td>{e.date ?? 'undated'}</td>
                    <td>{e.lane}</td>
                    <td>
                      <Badge kind={e.kind === 'added' ? 'ok' : e.kind === 'removed' ? 'danger' : e.kind === 'relationship' ? 'list' : e.kind === 'claim' ? 'doc' : 'warn'}>
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
