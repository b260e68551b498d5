/** Small shared pieces: badges, status messages, key-value tables, page headers. */
import type { ReactNode } from 'react';
import { href } from '../router';

export function Badge({ kind = 'neutral', children, title }: { kind?: string; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${kind}`} title={title}>
      {children}
    </span>
  );
}

export function Programmes({ values }: { values: string[] | undefined }) {
  if (!values?.length) return null;
  return (
    <span className="badges">
      {values.map((p) => (
        <Badge key={p} kind="programme" title={`sanctions programme ${p}`}>
          {p}
        </Badge>
      ))}
    </span>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}

export function PageHeader({ title, sub, children }: { title: ReactNode; sub?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {sub && <p className="sub">{sub}</p>}
      </div>
      {children && <div className="actions">{children}</div>}
    </header>
  );
}

export function EntityLink({ id, caption }: { id: string; caption?: string | null }) {
  return <a href={href('entity', id)}>{caption || id}</a>;
}

/** A schema name as a coloured chip (colours shared with the network explorer). */
export function SchemaChip({ schema }: { schema: string }) {
  return <span className={`schema schema-${schemaGroup(schema)}`}>{schema}</span>;
}

export function schemaGroup(schema: string): string {
  if (schema === 'Person') return 'person';
  if (['Company', 'Organization', 'LegalEntity', 'PublicBody'].includes(schema)) return 'org';
  if (['Vessel', 'Airplane', 'Vehicle'].includes(schema)) return 'asset';
  if (schema === 'Address') return 'address';
  return 'other';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}
