/**
 * Search: results as you type (debounced, earlier requests cancelled), with facets for schema,
 * dataset, programme, country and topic. The query lives in the URL so a search can be shared.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type SearchQuery, type SearchResponse } from '../api/client';
import { EntityLink, ErrorBox, PageHeader, Programmes, SchemaChip } from '../components/ui';
import { href } from '../router';

const FACETS: Array<{ key: keyof Filters; facet: string; label: string }> = [
  { key: 'schema', facet: 'schema', label: 'Type' },
  { key: 'datasets', facet: 'datasets', label: 'Dataset' },
  { key: 'programs', facet: 'program', label: 'Programme' },
  { key: 'countries', facet: 'countries', label: 'Country' },
  { key: 'topics', facet: 'topics', label: 'Topic' },
];

interface Filters {
  schema: string[];
  datasets: string[];
  programs: string[];
  countries: string[];
  topics: string[];
}

const PAGE = 25;

function filtersFrom(query: URLSearchParams): Filters {
  return {
    schema: query.getAll('schema').slice(0, 1),
    datasets: query.getAll('datasets'),
    programs: query.getAll('programs'),
    countries: query.getAll('countries'),
    topics: query.getAll('topics'),
  };
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const [q, setQ] = useState(query.get('q') ?? '');
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(query));
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<SearchResponse>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const request: SearchQuery = useMemo(
    () => ({ q: q.trim(), ...filters, schema: filters.schema[0], limit: PAGE, offset: page * PAGE }),
    [q, filters, page],
  );

  useEffect(() => {
    const controller = new AbortController();
    setBusy(true);
    // Short debounce: fast typists send one request per pause, not one per key.
    const timer = window.setTimeout(() => {
      api.search(request, controller.signal).then(
        (r) => {
          setResult(r);
          setError(undefined);
          setBusy(false);
        },
        (e: Error) => {
          if (e.name === 'AbortError') return;
          setError(e);
          setBusy(false);
        },
      );
      window.history.replaceState(
        null,
        '',
        href('search', { q: request.q, ...filters }),
      );
    }, 30);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [request, filters]);

  useEffect(() => input.current?.focus(), []);

  const toggle = (key: keyof Filters, value: string) => {
    setPage(0);
    setFilters((f) => {
      const has = f[key].includes(value);
      if (key === 'schema') return { ...f, schema: has ? [] : [value] };
      return { ...f, [key]: has ? f[key].filter((v) => v !== value) : [...f[key], value] };
    });
  };

  const total = result?.total.value ?? 0;
  return (
    <section>
      <PageHeader title="Search" sub="Names and aliases across every list, with the programmes they are under." />
      <div className="searchbar">
        <label htmlFor="q" className="visually-hidden">
          Search names
        </label>
        <input
          id="q"
          ref={input}
          type="search"
          placeholder="A name, alias or vessel — e.g. Maduro, IRGC, Banco Nacional"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(0);
          }}
          autoComplete="off"
        />
        <span className="status" aria-live="polite">
          {busy ? 'Searching…' : result ? `${total.toLocaleString()} result${total === 1 ? '' : 's'}` : ''}
        </span>
      </div>
      <div className="with-facets">
        <aside className="facets" aria-label="Filters">
          {FACETS.map(({ key, facet, label }) => {
            const values = result?.facets[facet]?.values ?? [];
            const chosen = filters[key];
            const shown = [...chosen.filter((c) => !values.some((v) => v.name === c)).map((name) => ({ name, count: 0 })), ...values].slice(0, 12);
            if (!shown.length) return null;
            return (
              <fieldset key={key} className="facet">
                <legend>{label}</legend>
                {shown.map((v) => (
                  <label key={v.name} className="check">
                    <input type="checkbox" checked={chosen.includes(v.name)} onChange={() => toggle(key, v.name)} />
                    <span className="facet-name">{v.name}</span>
                    <span className="count">{v.count.toLocaleString()}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </aside>
        <div className="results">
          {error && <ErrorBox error={error} />}
          {result && (
            <table className="table" aria-label="Search results">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Programmes</th>
                  <th scope="col">Countries</th>
                  <th scope="col">Datasets</th>
                  {request.q && <th scope="col" className="num">Score</th>}
                </tr>
              </thead>
              <tbody>
                {result.results.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <EntityLink id={r.id} caption={r.caption} />
                      {(r.properties.alias?.length ?? 0) > 0 && (
                        <div className="muted small">aka {r.properties.alias!.slice(0, 3).join('; ')}</div>
                      )}
                    </td>
                    <td>
                      <SchemaChip schema={r.schema} />
                    </td>
                    <td>
                      <Programmes values={r.properties.program} />
                    </td>
                    <td>{countries(r.properties).join(', ')}</td>
                    <td className="small">{r.datasets.join(', ')}</td>
                    {request.q && <td className="num">{r.score.toFixed(2)}</td>}
                  </tr>
                ))}
                {!result.results.length && (
                  <tr>
                    <td colSpan={6} className="muted">
                      Nothing matches{request.q ? ` “${request.q}”` : ''}.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
          {total > PAGE && (
            <div className="pager">
              <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                {page * PAGE + 1}–{Math.min(total, (page + 1) * PAGE)} of {total.toLocaleString()}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={(page + 1) * PAGE >= total}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function countries(props: Record<string, string[]>): string[] {
  const all = ['country', 'nationality', 'citizenship', 'jurisdiction', 'flag'].flatMap((p) => props[p] ?? []);
  return [...new Set(all)].slice(0, 4);
}
