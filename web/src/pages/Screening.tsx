/**
 * Screening: paste names (one a line) or upload a CSV book (header with at least `name`; optional
 * id, schema, dob, country, ids separated by ";"), screened 100 at a time through POST
 * /match/default with a progress bar; results with scores, explanations and links; CSV / JSON out.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { api, ApiError, type MatchQuery, type MatchResult } from '../api/client';
import { EntityLink, PageHeader, Programmes, SchemaChip, Badge } from '../components/ui';
import { parseCsv, toCsv } from '../csv';
import { downloadBlob } from '../download';

const BATCH = 100;
const MAX_ROWS = 20_000;

interface BookRow {
  id: string;
  line: number;
  name: string;
  query: MatchQuery;
}

interface RowResult {
  row: BookRow;
  results: MatchResult[];
}

function rowsFromText(text: string): BookRow[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ name: l.trim(), line: i + 1 }))
    .filter((r) => r.name)
    .map(({ name, line }) => ({
      id: String(line),
      line,
      name,
      query: { schema: 'Thing', properties: { name: [name] } },
    }));
}

interface Book {
  file: string;
  header: string[];
  rows: string[][];
}

export function readBook(text: string, file: string): Book {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${file}: the file is empty`);
  return { file, header: header.map((h) => h.trim()), rows };
}

/** The column that holds names: "name", else the first whose header mentions a name. */
function guessNameColumn(header: string[]): number {
  const exact = header.findIndex((h) => h.toLowerCase() === 'name');
  return exact >= 0 ? exact : Math.max(0, header.findIndex((h) => /name/i.test(h)));
}

/** Book rows as match queries; a row without a name is an error naming its line and field. */
function rowsFromBook(book: Book, nameColumn: number): BookRow[] {
  const col = (n: string) => book.header.findIndex((h) => h.toLowerCase() === n);
  const [iId, iSchema, iDob, iCountry, iIds] = ['id', 'schema', 'dob', 'country', 'ids'].map(col);
  const iRef = iId >= 0 ? iId : book.header.findIndex((h) => /\b(id|ref)\b/i.test(h));
  return book.rows.map((r, k) => {
    const line = k + 2;
    const name = (r[nameColumn] ?? '').trim();
    if (!name) throw new Error(`${book.file} line ${line}, field "${book.header[nameColumn]}": empty`);
    const props: Record<string, string[]> = { name: [name] };
    const dob = iDob >= 0 ? r[iDob]?.trim() : '';
    const country = iCountry >= 0 ? r[iCountry]?.trim() : '';
    const ids = iIds >= 0 ? (r[iIds] ?? '').split(';').map((x) => x.trim()).filter(Boolean) : [];
    if (dob) props.birthDate = [dob];
    if (country) props.country = [country];
    let schema = (iSchema >= 0 && r[iSchema]?.trim()) || (dob ? 'Person' : 'Thing');
    for (const id of ids) {
      const [prop, asSchema] = identifierProperty(schema, id);
      schema = asSchema;
      props[prop] = [...(props[prop] ?? []), id];
    }
    return { id: (iRef >= 0 && r[iRef]?.trim()) || String(line), line, name, query: { schema, properties: props } };
  });
}

/**
 * Where an identifier goes, as `tangle screen` puts it: a 7-digit IMO or 9-digit MMSI on a vessel
 * (or an open query), any other number as an idNumber, which makes an open query a legal entity.
 */
function identifierProperty(schema: string, id: string): [string, string] {
  const digits = id.replace(/^IMO\s*/i, '').replace(/\s/g, '');
  const vesselLike = schema === 'Vessel' || schema === 'Thing';
  if (vesselLike && /^\d{7}$/.test(digits)) return ['imoNumber', schema];
  if (vesselLike && /^\d{9}$/.test(digits)) return ['mmsi', schema];
  if (schema === 'Vessel') return ['registrationNumber', schema];
  return ['idNumber', schema === 'Thing' ? 'LegalEntity' : schema];
}

function explain(r: MatchResult): string {
  return Object.entries(r.explanations)
    .filter(([, e]) => typeof e.detail === 'string' && e.detail)
    .map(([feature, e]) => `${feature}: ${e.detail}`)
    .join('\n');
}

export function ScreeningPage() {
  const [text, setText] = useState('');
  const [book, setBook] = useState<Book | null>(null);
  const [nameColumn, setNameColumn] = useState(0);
  const [threshold, setThreshold] = useState(0.7);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<RowResult[]>([]);
  const [error, setError] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setError('');
    setBook(null);
    if (!f) return;
    try {
      const b = readBook(await f.text(), f.name);
      setBook(b);
      setNameColumn(guessNameColumn(b.header));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const run = async () => {
    setError('');
    setResults([]);
    let rows: BookRow[];
    try {
      rows = book ? rowsFromBook(book, nameColumn) : rowsFromText(text);
    } catch (err) {
      return setError(err instanceof Error ? err.message : String(err));
    }
    if (!rows.length) return setError('Paste at least one name, or choose a CSV file.');
    if (rows.length > MAX_ROWS) return setError(`At most ${MAX_ROWS.toLocaleString()} rows in the browser; use \`tangle screen\` for larger books.`);
    setProgress({ done: 0, total: rows.length });
    const out: RowResult[] = [];
    try {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const queries = Object.fromEntries(batch.map((r, k) => [`q${i + k}`, r.query]));
        const res = await api.match(queries, { threshold, limit: 3 });
        batch.forEach((row, k) => {
          const all = res.responses[`q${i + k}`]?.results ?? [];
          out.push({ row, results: all });
        });
        setResults([...out]);
        setProgress({ done: Math.min(rows.length, i + BATCH), total: rows.length });
      }
    } catch (err) {
      setError(err instanceof ApiError && err.field ? `${err.detail}` : err instanceof Error ? err.message : String(err));
    }
  };

  const matched = results.filter((r) => r.results.some((x) => x.match)).length;
  const shown = onlyMatches ? results.filter((r) => r.results.some((x) => x.match)) : results;

  const csv = () =>
    toCsv([
      ['id', 'line', 'query', 'match_id', 'match_caption', 'schema', 'score', 'match', 'programmes', 'datasets', 'explanation'],
      ...results.flatMap(({ row, results: rs }) =>
        rs.length
          ? rs.map((r) => [row.id, row.line, row.name, r.id, r.caption, r.schema, r.score.toFixed(3), r.match, (r.properties.program ?? []).join(' '), r.datasets.join(' '), explain(r).replace(/\n/g, '; ')])
          : [[row.id, row.line, row.name, '', '', '', '', false, '', '', '']],
      ),
    ]);
  const json = () =>
    JSON.stringify(
      results.map(({ row, results: rs }) => ({ id: row.id, line: row.line, query: row.query, results: rs })),
      null,
      2,
    );

  return (
    <section>
      <PageHeader title="Screening" sub="Screen a list of names or a customer book against every list." />
      <div className="card form">
        <div className="grid-2">
          <label>
            Names, one a line
            <textarea
              rows={8}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setBook(null);
                if (fileInput.current) fileInput.current.value = '';
              }}
              placeholder={'Nicolas Maduro Moros\nBanco Nacional de Cuba\nEbano'}
            />
          </label>
          <div>
            <label>
              Or a CSV book
              <input ref={fileInput} type="file" accept=".csv,text/csv" onChange={onFile} aria-describedby="book-hint" />
            </label>
            <p id="book-hint" className="small muted">
              With a header row. Optional columns: id, schema, dob, country, ids (separated by “;”).
            </p>
            {book && (
              <>
                <p className="muted">
                  {book.file}: {book.rows.length.toLocaleString()} rows
                </p>
                <label>
                  Name column
                  <select value={nameColumn} onChange={(e) => setNameColumn(Number(e.target.value))}>
                    {book.header.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
            <label>
              <span>
                Threshold <output>{threshold.toFixed(2)}</output>
              </span>
              <input
                type="range"
                min={0.5}
                max={1}
                step={0.01}
                value={threshold}
                onChange={(e) => setThreshold(Number(e.target.value))}
              />
            </label>
          </div>
        </div>
        <div className="row">
          <button type="button" onClick={() => void run()} disabled={!!progress && progress.done < progress.total}>
            Screen
          </button>
          {progress && (
            <div className="progress-wrap">
              <progress max={progress.total} value={progress.done} aria-label="Screening progress" />
              <span className="small" aria-live="polite">
                {progress.done.toLocaleString()} of {progress.total.toLocaleString()} screened
              </span>
            </div>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      {results.length > 0 && (
        <div className="card">
          <div className="row">
            <h2>
              Results: {matched.toLocaleString()} of {results.length.toLocaleString()} rows match
            </h2>
            <div className="actions">
              <label className="inline">
                <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} /> only
                matches
              </label>
              <button type="button" className="secondary" onClick={() => downloadBlob('screening.csv', new Blob([csv()], { type: 'text/csv' }))}>
                Download CSV
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => downloadBlob('screening.json', new Blob([json()], { type: 'application/json' }))}
              >
                Download JSON
              </button>
            </div>
          </div>
          <table className="table" aria-label="Screening results">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Query</th>
                <th scope="col">Candidates</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 500).map(({ row, results: rs }) => (
                <tr key={row.id + row.line}>
                  <td className="num">{row.line}</td>
                  <td>{row.name}</td>
                  <td>
                    {!rs.length && <span className="muted">no candidates</span>}
                    <ul className="plain candidates">
                      {rs.map((r) => (
                        <li key={r.id}>
                          <span className={`score ${r.match ? 'score-match' : ''}`}>{r.score.toFixed(2)}</span>{' '}
                          {r.match && <Badge kind="danger">match</Badge>} <EntityLink id={r.id} caption={r.caption} />{' '}
                          <SchemaChip schema={r.schema} /> <Programmes values={r.properties.program} />
                          <details>
                            <summary className="small">why</summary>
                            <pre className="explain">{explain(r)}</pre>
                          </details>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > 500 && <p className="muted">Showing 500 rows; download for all {shown.length.toLocaleString()}.</p>}
        </div>
      )}
    </section>
  );
}
