/** Datasets, their versions, and what each version added, removed or changed. */
import { useState } from 'react';
import { api, type ChangeKind } from '../api/client';
import { EntityLink, ErrorBox, formatDate, Loading, PageHeader, SchemaChip } from '../components/ui';
import { ChangeBadge, ChangedProperties } from '../components/Change';
import { href } from '../router';
import { useAsync } from '../useAsync';

export function DatasetsPage() {
  const datasets = useAsync(() => api.datasets(), []);
  if (datasets.error) return <ErrorBox error={datasets.error} />;
  if (!datasets.data) return <Loading what="datasets" />;
  return (
    <section>
      <PageHeader title="Datasets" sub="Every list imported, and its latest version." />
      <table className="table" aria-label="Datasets">
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Format</th>
            <th scope="col" className="num">Versions</th>
            <th scope="col">Latest version</th>
            <th scope="col" className="num">Entities</th>
          </tr>
        </thead>
        <tbody>
          {datasets.data.map((d) => (
            <tr key={d.name}>
              <td>
                <a href={href('datasets', d.name)}>{d.title || d.name}</a>
                <div className="muted small">{d.name}</div>
              </td>
              <td>{d.format}</td>
              <td className="num">{d.versions}</td>
              <td>
                {d.latestVersion} <span className="muted small">{formatDate(d.latestDate)}</span>
              </td>
              <td className="num">{d.entities.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const KINDS: Array<ChangeKind | ''> = ['', 'added', 'changed', 'removed'];

export function DatasetPage({ name, query }: { name: string; query: URLSearchParams }) {
  const versions = useAsync(() => api.versions(name), [name]);
  const [version, setVersion] = useState(query.get('version') ?? '');
  const [kind, setKind] = useState<ChangeKind | ''>('');
  const changes = useAsync(
    () => api.changes(name, { version: version || undefined, kind: kind || undefined, limit: 200 }),
    [name, version, kind],
  );
  if (versions.error) return <ErrorBox error={versions.error} />;
  if (!versions.data) return <Loading what="versions" />;
  return (
    <section>
      <PageHeader title={name} sub={<a href={href('datasets')}>All datasets</a>} />
      <div className="card">
        <h2>Versions</h2>
        <table className="table compact" aria-label="Versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Date</th>
              <th scope="col">Imported</th>
              <th scope="col" className="num">Entities</th>
              <th scope="col" className="num">Added</th>
              <th scope="col" className="num">Changed</th>
              <th scope="col" className="num">Removed</th>
              <th scope="col">Files</th>
            </tr>
          </thead>
          <tbody>
            {[...versions.data].reverse().map((v) => (
              <tr key={v.label} className={v.label === version ? 'selected' : ''}>
                <td>
                  <button type="button" className="link" onClick={() => setVersion(v.label === version ? '' : v.label)}>
                    {v.label}
                  </button>
                </td>
                <td>{formatDate(v.date)}</td>
                <td className="small">{v.importedAt.replace('T', ' ').slice(0, 16)}</td>
                <td className="num">{v.entities.toLocaleString()}</td>
                <td className="num added">{v.added.toLocaleString()}</td>
                <td className="num">{v.changed.toLocaleString()}</td>
                <td className="num removed">{v.removed.toLocaleString()}</td>
                <td className="small" title={v.files.join('\n')}>
                  {v.files.map((f) => f.split(/[\\/]/).pop()).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <div className="row">
          <h2>Changes {version ? `in version ${version}` : 'in every version'}</h2>
          <label className="inline">
            Kind{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as ChangeKind | '')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k || 'all'}
                </option>
              ))}
            </select>
          </label>
        </div>
        {changes.error && <ErrorBox error={changes.error} />}
        {!changes.data && !changes.error && <Loading what="changes" />}
        {changes.data && (
          <table className="table compact" aria-label="Changes">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Version</th>
                <th scope="col">Change</th>
                <th scope="col">Entity</th>
                <th scope="col">What changed</th>
              </tr>
            </thead>
            <tbody>
              {changes.data.map((c, i) => (
                <tr key={`${c.entityId}-${c.version}-${i}`}>
                  <td>{formatDate(c.date)}</td>
                  <td>{c.version}</td>
                  <td>
                    <ChangeBadge kind={c.kind} />
                  </td>
                  <td>
                    <EntityLink id={c.entityId} caption={c.caption} /> <SchemaChip schema={c.schema} />
                  </td>
                  <td className="small">
                    <ChangedProperties change={c} />
                  </td>
                </tr>
              ))}
              {!changes.data.length && (
                <tr>
                  <td colSpan={5} className="muted">
                    No changes.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
