/**
 * Convergence (GET /graph/convergence): which threat categories (terrorism, narcotics, sanctions
 * evasion…) meet in a selection of parties and their neighbourhood, as an UpSet chart: one bar per
 * exact combination of categories, the dot matrix below saying which. Clicking a bar lists its
 * parties; the parties that carry several categories are listed as meeting points.
 */
import { useMemo, useState } from 'react';
import { api, hasRoute, type ConvergenceResponse } from '../api/client';
import { Chart, type ChartOption } from '../charts/Chart';
import { EntityPicker } from '../components/EntityPicker';
import { EntityLink, ErrorBox, Loading, PageHeader, Programmes, SchemaChip } from '../components/ui';
import { CATEGORY_COLOURS } from '../graph/style';
import { href, navigate } from '../router';
import { useAsync } from '../useAsync';

const CATEGORIES = Object.keys(CATEGORY_COLOURS);
const label = (cats: string[]) => cats.join(' ∩ ');

function upsetOption(shown: ConvergenceResponse['intersections'], chosen: number | null): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    grid: [
      { left: 150, right: 20, top: 20, height: 210 },
      { left: 150, right: 20, top: 250, height: 26 * CATEGORIES.length },
    ],
    xAxis: [0, 1].map((gridIndex) => ({
      gridIndex,
      type: 'category',
      data: shown.map((c) => label(c.categories)),
      axisLabel: { show: false },
      axisTick: { show: false },
    })),
    yAxis: [
      { gridIndex: 0, type: 'value', name: 'parties', minInterval: 1 },
      { gridIndex: 1, type: 'category', data: CATEGORIES, inverse: true, axisLine: { show: false }, axisTick: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: shown.map((c, i) => ({ value: c.size, itemStyle: { color: i === chosen ? '#1f5fbf' : '#4a5568' } })),
        label: { show: true, position: 'top' },
        barMaxWidth: 34,
        cursor: 'pointer',
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
  };
}

export default function ConvergencePage({ query }: { query: URLSearchParams }) {
  const ids = query.getAll('ids').flatMap((v) => v.split(',')).filter(Boolean);
  const key = ids.join(',');
  const hops = Number(query.get('hops') ?? 1);
  const [chosen, setChosen] = useState<number | null>(null);
  const data = useAsync(async () => {
    if (!(await hasRoute('/graph/convergence'))) return null;
    const list = key ? key.split(',') : [];
    if (!list.length) return { result: null, captions: new Map<string, string>() };
    // Captions for the parties the intersections name: the same neighbourhoods, from the graph.
    const [result, ...hoods] = await Promise.all([
      api.convergence(list, hops),
      ...list.map((id) => api.neighbours(id, { hops: Math.max(1, hops), limit: 5000 })),
    ]);
    const captions = new Map<string, string>();
    for (const h of hoods) for (const n of [h.center, ...h.nodes]) captions.set(n.id, n.caption);
    return { result, captions };
  }, [key, hops]);
  const go = (next: string[], h = hops) => {
    setChosen(null);
    navigate(href('convergence', { ids: next.length ? next.join(',') : undefined, hops: String(h) }));
  };

  const result = data.data?.result ?? null;
  const shown = useMemo(() => (result?.intersections ?? []).slice(0, 24), [result]);
  const option = useMemo(() => upsetOption(shown, chosen), [shown, chosen]);
  const selected = chosen === null ? undefined : shown[chosen];
  const captions = data.data?.captions ?? new Map<string, string>();
  return (
    <section>
      <PageHeader
        title="Convergence"
        sub="Where threat categories meet: each bar counts the parties with exactly that combination of categories."
      />
      {data.data === null && (
        <p className="error" role="alert">
          This server has no graph routes (GET /graph/convergence): categories are not available.
        </p>
      )}
      {data.error && <ErrorBox error={data.error} />}
      {data.data !== null && (
        <div className="card form">
          <div className="grid-2">
            <EntityPicker label="Add a party" onPick={(r) => go([...new Set([...ids, r.id])])} />
            <label>
              Neighbourhood
              <select value={hops} onChange={(e) => go(ids, Number(e.target.value))}>
                <option value={0}>the parties alone</option>
                <option value={1}>and their direct links</option>
                <option value={2}>two steps around</option>
                <option value={3}>three steps around</option>
              </select>
            </label>
          </div>
          <p className="small" aria-label="Selection">
            {ids.map((id) => (
              <span key={id} className="chip">
                {result?.entities.find((e) => e.id === id)?.caption ?? captions.get(id) ?? id}
                <button type="button" className="link" aria-label={`Remove ${id}`} onClick={() => go(ids.filter((x) => x !== id))}>
                  ×
                </button>
              </span>
            ))}
            {!ids.length && <span className="muted">Add parties to see where their threat categories meet.</span>}
          </p>
        </div>
      )}
      {data.loading && <Loading what="categories" />}
      {result && (
        <>
          <p className="muted">
            {result.selection.size.toLocaleString()} {result.selection.size === 1 ? 'party' : 'parties'} in the selection,{' '}
            {result.selection.with_categories.toLocaleString()} with a threat category.
          </p>
          {shown.length > 0 && (
            <div className="card">
              <Chart
                option={option}
                label="UpSet chart of threat categories"
                height={270 + 26 * CATEGORIES.length}
                onClick={(e) => setChosen(e.seriesIndex === 0 ? e.dataIndex : Math.floor(e.dataIndex / CATEGORIES.length))}
              />
              <div className="actions" aria-label="Combinations">
                {shown.map((c, i) => (
                  <button
                    key={label(c.categories)}
                    type="button"
                    className={i === chosen ? '' : 'secondary'}
                    onClick={() => setChosen(i === chosen ? null : i)}
                  >
                    {label(c.categories)} ({c.size})
                  </button>
                ))}
              </div>
            </div>
          )}
          {selected && (
            <div className="card">
              <h2>
                {label(selected.categories)}: {selected.size} {selected.size === 1 ? 'party' : 'parties'}
              </h2>
              <ul className="plain" aria-label="Parties in the combination">
                {selected.entities.map((id) => (
                  <li key={id}>
                    <EntityLink id={id} caption={captions.get(id)} /> · <a href={href('network', { id })}>network</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.meeting_points.length > 0 && (
            <div className="card">
              <h2>Meeting points: parties with several categories</h2>
              <table className="table compact" aria-label="Meeting points">
                <tbody>
                  {result.meeting_points.map((n) => (
                    <tr key={n.id}>
                      <td>
                        <EntityLink id={n.id} caption={n.caption} /> <SchemaChip schema={n.schema} />
                      </td>
                      <td>{n.categories.join(', ')}</td>
                      <td>
                        <Programmes values={n.programmes} />
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
