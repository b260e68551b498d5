import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { EntityView } from '../../logic/describe.js';
import { buildIndex } from '../../logic/screening.js';
import { describeResolved } from '../../logic/merged-entity.js';
import { Resolver } from '../../resolve/resolver.js';
import { model } from '../../model/model.js';
import type { Statement, Store } from '../../store/store.js';
import { withDb, withStore } from '../context.js';
import { printJson } from '../output.js';

export function registerShow(program: Command): void {
  withDb(
    program
      .command('show')
      .description('an entity: every value with its source, and its relationships')
      .argument('<id-or-name>', 'entity id, or an exact name (case-insensitive)')
      .option('--history', 'also show values that are no longer listed')
      .option('--json', 'print JSON'),
  ).action(async (query: string, opts) => {
    await withStore(opts, async (store) => {
      const resolver = await Resolver.load(store);
      const id = resolver.isCluster(query) ? query : await resolveEntity(store, query);
      const view = (await describeResolved(store, resolver, id))!;
      if (opts.json) return printJson(view);
      process.stdout.write(renderEntity(view, Boolean(opts.history)));
    });
  });
}

/** An id, or a name that identifies exactly one entity; several matches are listed as an error. */
export async function resolveEntity(store: Store, query: string): Promise<string> {
  if (await store.getEntity(query)) return query;
  const found = await store.findByName(query);
  if (!found.length) {
    throw new UsageError(`no entity has the id or name "${query}"${await closestNames(store, query)}`);
  }
  const active = found.filter((e) => e.active);
  const pool = active.length ? active : found;
  const exactCaption = pool.filter((e) => e.caption.toLowerCase() === query.trim().toLowerCase());
  const ids = [...new Set((exactCaption.length ? exactCaption : pool).map((e) => e.id))];
  if (ids.length === 1) return ids[0];
  const list = pool.map((e) => `  ${e.id}  ${e.caption} [${e.schema}, ${e.dataset}]`).join('\n');
  throw new UsageError(`"${query}" names ${ids.length} entities; give an id:\n${list}`);
}

/** The names the matcher finds closest to a query that named nothing exactly, as advice. */
async function closestNames(store: Store, query: string): Promise<string> {
  if (!query.trim() || query.length > 500) return '';
  const index = await buildIndex(store, { cache: true });
  const { hits } = index.screen(
    { schema: 'Thing', properties: { name: [query] } },
    { limit: 5, threshold: 0.5, includeNonMatches: false, explain: false },
  );
  if (!hits.length) return '';
  const lines = hits.map((h) => `  ${h.entity.id}  ${h.entity.caption} [${h.entity.schema}]`);
  return `; the closest names are:\n${lines.join('\n')}`;
}

function source(s: Statement): string {
  const parts = [`${s.dataset} record ${s.recordId}`];
  if (s.origin) parts.push(s.origin);
  parts.push(s.firstSeen === s.lastSeen ? `seen ${s.firstSeen}` : `seen ${s.firstSeen} … ${s.lastSeen}`);
  return parts.join(' · ');
}

export function renderEntity(view: EntityView & { referents?: string[] }, history: boolean): string {
  const { entity: e } = view;
  const schema = model.get(e.schema);
  const out: string[] = [];
  out.push(`${e.caption}  [${e.schema}]  ${e.active ? '' : '(no longer listed) '}`.trimEnd());
  out.push(`  id ${e.id}`);
  if (view.referents && view.referents.length > 1) out.push(`  merged from ${view.referents.join(', ')}`);
  for (const [ds, records] of Object.entries(e.recordIds)) out.push(`  ${ds}: record ${records.join(', ')}`);
  out.push(`  first seen ${e.firstSeen} · last seen ${e.lastSeen} · last change ${e.lastChange}`);
  out.push('', 'Properties');
  const shown = e.statements.filter((s) => history || s.current || !e.active);
  const width = Math.max(...shown.map((s) => (schema.getProperty(s.prop)?.label ?? s.prop).length), 8);
  for (const s of shown) {
    if (schema.getProperty(s.prop)?.type === 'entity') continue;
    const label = (schema.getProperty(s.prop)?.label ?? s.prop).padEnd(width);
    const original = s.originalValue ? ` (as written: ${s.originalValue})` : '';
    const gone = s.current || !e.active ? '' : ' [no longer listed]';
    out.push(`  ${label}  ${s.value}${original}${gone}`);
    out.push(`  ${' '.repeat(width)}    ↳ ${source(s)}`);
  }
  if (view.references.length) {
    out.push('', 'Refers to');
    for (const r of view.references) {
      out.push(
        `  ${schema.getProperty(r.prop)?.label ?? r.prop}: ${r.caption ?? '(not in store)'} [${r.schema ?? '?'}] ${r.id}`,
      );
    }
  }
  const sanctions = view.relationships.filter((r) => r.schema === 'Sanction');
  if (sanctions.length) {
    out.push('', 'Sanctions');
    for (const s of sanctions) {
      const p = s.properties;
      const bits = [
        p.program?.join(', '),
        p.authority?.join(', '),
        p.listingDate && `listed ${p.listingDate.join(', ')}`,
      ]
        .filter(Boolean)
        .join(' · ');
      out.push(`  ${bits}  [${s.datasets.join(', ')}] ${s.id}`);
    }
  }
  const others = view.relationships.filter((r) => r.schema !== 'Sanction');
  if (others.length) {
    out.push('', 'Relationships');
    for (const r of others) {
      const relSchema = model.get(r.schema);
      const role = r.properties.role?.join(', ') ?? relSchema.edge?.label ?? relSchema.label;
      const ends = r.others.map((o) => `${o.caption ?? o.id} [${o.schema ?? '?'}] ${o.id}`).join('; ');
      out.push(`  ${relSchema.label} (${role}, this entity is ${r.via}): ${ends || r.caption}  ${r.id}`);
    }
  }
  return `${out.join('\n')}\n`;
}
