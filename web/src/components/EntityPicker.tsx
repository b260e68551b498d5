/** Choose an entity by name: a search box with a short list of results as you type. */
import { useEffect, useId, useState } from 'react';
import { api, type SearchResult } from '../api/client';
import { Programmes, SchemaChip } from './ui';

export function EntityPicker({
  label,
  onPick,
  placeholder,
}: {
  label: string;
  onPick: (r: SearchResult) => void;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const listId = useId();
  useEffect(() => {
    if (!q.trim()) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.search({ q: q.trim(), limit: 8 }, controller.signal).then(
        (r) => setResults(r.results),
        () => undefined,
      );
    }, 120);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <div className="picker">
      <label>
        {label}
        <input
          type="search"
          value={q}
          placeholder={placeholder ?? 'Type a name'}
          onChange={(e) => setQ(e.target.value)}
          aria-controls={listId}
          autoComplete="off"
        />
      </label>
      {results.length > 0 && (
        <ul id={listId} className="plain picker-results" aria-label={`${label}: results`}>
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onPick(r);
                  setQ('');
                  setResults([]);
                }}
              >
                {r.caption}
              </button>{' '}
              <SchemaChip schema={r.schema} /> <Programmes values={r.properties.program?.slice(0, 3)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
