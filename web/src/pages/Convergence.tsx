/**
 * Convergence: which threat categories (terrorism, narcotics, sanctions evasion…) meet in a
 * selection of parties, as an UpSet chart: one bar per exact combination of categories, the dot
 * matrix below saying which categories it is. Clicking a bar lists its parties. Categories come
 * from the graph's nodes (GET /graph/neighbours), so a selection can be a whole neighbourhood.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, hasRoute, type GraphNode } from '../api/client';
import { Chart, type ChartOption } from '../charts/Chart';
import { EntityPicker } from '../components/EntityPicker';
import { EntityLink, ErrorBox, PageHeader, Programmes } from '../components/ui';
import { CATEGORY_COLOURS } from '../graph/style';
import { href } from '../router';

const CATEGORIES = Object.keys(CATEGORY_COLOURS);

interface Combination {
  key: string;
  categories: string[];
  nodes: GraphNode[];
}

/** Exclusive intersections: every node counts once, under its exact set of categories. */
export function combinations(nodes: GraphNode[]): Combination[] {
  const by = new Map<string, Combination>();
  for (const n of nodes) {
    const cats = CATEGORIES.filter((c) => n.categories.includes(c));
    if (!cats.length) continue;
    const key = cats.join(' ∩ ');
    if (!by.has(key)) by.set(key, { key, categories: cats, nodes: [] });
    by.get(key)!.nodes.push(n);
  }
  return [...by.values()].sort((a, b) => b.nodes.length - a.nodes.length || b.categories.length - a.categories.length);
}

export default function ConvergencePage({ query }: { query: URLSearchParams }) {
  const [nodes, setNodes] = useState<Map<string, GraphNode>>(new Map());
  const [error, setError] = useState<Error>();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = (list: GraphNode[]) =>
    setNodes((m) => {
      const next = new Map(m);
      for (const n of list) next.set(n.id, n);
      return next;
    });

  const load = async (id: string, hops: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const hood = await api.neighbours(id, { hops, limit: hops ? 2000 : 1 });
      add(hops ? [hood.center, ...hood.nodes] : [hood.center]);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void hasRoute('/graph/neighbours/{id}').then(async (ok) => {
      setAvailable(ok);
      if (!ok) return;
      const ids = query.getAll('ids').flatMap((v) => v.split(',')).filter(Boolean);
      const around = query.get('around');
      for (const id of ids) await load(id, 0);
      if (around) await load(around, Number(query.get('hops') ?? 2));
    });
    // The URL is read once, when the page opens.
  }, []);

  const combos = useMemo(() => combinations([...nodes.values()]), [nodes]);
  const shown = combos.slice(0, 24);
  const without = [...nodes.values()].filter((n) => !n.categories.length).length;

  const option: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      grid: [
        { left: 150, right: 20, top: 20, height: 210 },
        { left: 150, right: 20, top: 250, height: 26 * CATEGORIES.length },
      ],
      xAxis: [
        { gridIndex: 0, type: 'category', data: shown.map((c) => c.key), axisLabel: { show: false }, axisTick: { show: false } },
        { gridIndex: 1, type: 'category', data: shown.map((c) => c.key), axisLabel: { show: false }, axisTick: { show: false } },
      ],
      yAxis: [
        { gridIndex: 0, type: 'value', name: 'parties', minInterval: 1 },
        { gridIndex: 1, type: 'category', data: CATEGORIES, inverse: true, axisLine: { show: false }, axisTick: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: shown.map((c) => ({ value: c.nodes.length, itemStyle: { color: c.key === chosen ? '#1f5fbf' : '#4a5568' } })),
          label: { show: true, position: 'top' },
          barMaxWidth: 34,
        },
        {
          type: 'scatter',
          xAxisIndex: 1,
          yAxisIndex: 1,
          symbolSize: 14,
          data: shown.flatMap((c, i) =>
            CATEGORIES.map((cat) => ({
              value: [i, cat],
              itemStyle: { color: c.categories.includes(cat) ? CATEGORY_COLOURS[cat] : '#e2e6ec' },
            })),
          ),
          tooltip: { show: false },
        },
      ],
    }),
    [shown, chosen],
  );

  const selected = combos.find((c) => c.key === chosen);
  return (
    <section>
      <PageHeader
        title="Convergence"
        sub="Where threat categories meet: each bar is the parties with exactly that combination of categories."
      />
      {available === false && (
        <p className="error" role="alert">
          This server has no graph routes: categories are not available.
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {available && (
        <>
          <div className="card">
            <div className="grid-2">
              <EntityPicker label="Add a party" onPick={(r) => void load(r.id, 0)} />
              <EntityPicker label="Add a neighbourhood (two steps around)" onPick={(r) => void load(r.id, 2)} />
            </div>
            <p className="small muted" aria-live="polite">
              {busy
                ? 'Loading…'
                : `${nodes.size.toLocaleString()} parties selected; ${without.toLocaleString()} without a category.`}{' '}
              {nodes.size > 0 && (
                <button type="button" className="link" onClick={() => (setNodes(new Map()), setChosen(null))}>
                  Clear
                </button>
              )}
            </p>
          </div>
          {combos.length > 0 && (
            <div className="card">
              <Chart
                option={option}
                label="UpSet chart of threat categories"
                height={270 + 26 * CATEGORIES.length}
                onClick={(e) => setChosen(shown[e.seriesIndex === 0 ? e.dataIndex : Math.floor(e.dataIndex / CATEGORIES.length)]?.key ?? null)}
              />
              <div className="actions" aria-label="Combinations">
                {shown.map((c) => (
                  <button
                    key={c.key}
                    type="button"
                    className={c.key === chosen ? '' : 'secondary'}
                    onClick={() => setChosen(c.key === chosen ? null : c.key)}
                  >
                    {c.key} ({c.nodes.length})
                  </button>
                ))}
              </div>
            </div>
          )}
          {selected && (
            <div className="card">
              <h2>
                {selected.key}: {selected.nodes.length} {selected.nodes.length === 1 ? 'party' : 'parties'}
              </h2>
              <table className="table compact" aria-label="Parties in the combination">
                <tbody>
                  {selected.nodes.map((n) => (
                    <tr key={n.id}>
                      <td>
                        <EntityLink id={n.id} caption={n.caption} />
                      </td>
                      <td>{n.schema}</td>
                      <td>
                        <Programmes values={n.programmes} />
                      </td>
                      <td>
                        <a href={href('network', { id: n.id })}>network</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
