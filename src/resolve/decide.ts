/**
 * Recording decisions: judge pairs (one, a CSV batch, an imported file, the automatic identifier
 * rule) and split clusters. Every call checks all its inputs first (known ids, no contradiction,
 * valid fields) and then writes them in one transaction, so a refused batch leaves nothing behind.
 */
import { InputError, UsageError } from '../errors.js';
import { parseCsv } from '../sources/csv.js';
import { openJudgements } from '../store/sqlite-judgements.js';
import type { Store } from '../store/store.js';
import { isDecision, type Judgement, type JudgementInput, type JudgementStore } from './judgements.js';
import { Resolver, type Cluster, type PlannedChange } from './resolver.js';
import { openDocuments } from '../store/open-documents.js';

export interface DecisionOutcome {
  /** The judgements as recorded. */
  judgements: Judgement[];
  /** The clusters the touched ids belong to afterwards. */
  clusters: Cluster[];
  /** With `skipConflicts`: the inputs left out, each with its conflict. */
  skipped?: string[];
}

function outcome(after: Resolver, judgements: Judgement[], ids: Iterable<string>): DecisionOutcome {
  const seen = new Set<string>();
  const clusters: Cluster[] = [];
  for (const id of ids) {
    const c = after.canonicalId(id);
    if (seen.has(c)) continue;
    seen.add(c);
    clusters.push({ canonicalId: c, members: after.members(c) });
  }
  return { judgements, clusters };
}

function commit(js: JudgementStore, plan: PlannedChange): Resolver {
  js.commit(plan);
  return Resolver.fromStore(js);
}

/** Refuse ids the store does not know, naming the input each came from. */
async function checkKnown(
  store: Store,
  js: JudgementStore,
  resolver: Resolver,
  inputs: readonly JudgementInput[],
): Promise<void> {
  const ids = new Set(inputs.flatMap((i) => [i.left, i.right]));
  const known = js.knownIds(ids);
  const rest = [...ids].filter((id) => !known.has(id));
  // Parties that only documents name (doc-… ids) live in the document store beside the lists.
  if (rest.length) {
    const documents = openDocuments(store);
    for (const id of rest) if (await documents.hasDocumentEntity(id)) known.add(id);
  }
  for (const input of inputs) {
    for (const id of [input.left, input.right]) {
      if (known.has(id)) continue;
      // Judgements name list entries, so that they survive splits and can be shared.
      const message = resolver.isCluster(id)
        ? `${id} is a canonical id; judge one of its members (${resolver.members(id).join(', ')})`
        : `no entity has the id "${id}"`;
      throw new UsageError(input.where ? `${input.where}: ${message}` : message);
    }
  }
}

/**
 * Record judgements, all or none: throws JudgementConflict naming the refused input. With
 * `skipConflicts` (automatic merges) conflicting inputs are left out and listed instead.
 */
export async function judge(
  store: Store,
  inputs: readonly JudgementInput[],
  options: { skipConflicts?: boolean } = {},
): Promise<DecisionOutcome> {
  if (!inputs.length) return { judgements: [], clusters: [] };
  const js = openJudgements(store);
  const before = Resolver.fromStore(js);
  await checkKnown(store, js, before, inputs);
  const plan = before.planJudgements(inputs, options);
  const after = commit(js, plan);
  const result = outcome(
    after,
    plan.upserts,
    inputs.flatMap((i) => [i.left, i.right]),
  );
  return options.skipConflicts ? { ...result, skipped: plan.skipped.map((e) => e.message) } : result;
}

/** Undo merges: a canonical id dissolves its cluster; a member id takes that member out. */
export async function split(store: Store, id: string, user: string): Promise<DecisionOutcome> {
  const js = openJudgements(store);
  const before = Resolver.fromStore(js);
  const members = before.members(id);
  const plan = before.planSplit(id, user);
  const after = commit(js, plan);
  return outcome(after, [], members);
}

/**
 * A CSV batch of judgements: a header naming `left`, `right` and `decision` (`reason` optional),
 * one pair per row. Errors name the file, line and column.
 */
export function readJudgementCsv(text: string, file: string, user: string): JudgementInput[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseCsv(body, file);
  const first = records.next();
  if (first.done)
    throw new InputError({ file, line: 1 }, 'empty: expected a header with left,right,decision');
  const header = first.value.fields.map((h) => h.trim().toLowerCase());
  const col = (name: string, required: boolean) => {
    const i = header.indexOf(name);
    if (i < 0 && required)
      throw new InputError({ file, line: first.value.line, field: name }, `the header has no ${name} column`);
    return i;
  };
  const [l, r, d, why] = [col('left', true), col('right', true), col('decision', true), col('reason', false)];
  const inputs: JudgementInput[] = [];
  for (const { line, fields } of records) {
    if (fields.length !== header.length)
      throw new InputError(
        { file, line },
        `expected ${header.length} fields like the header, found ${fields.length}`,
      );
    const left = fields[l].trim();
    const right = fields[r].trim();
    const decision = fields[d].trim().toLowerCase();
    if (!left) throw new InputError({ file, line, field: 'left' }, 'empty id');
    if (!right) throw new InputError({ file, line, field: 'right' }, 'empty id');
    if (!isDecision(decision))
      throw new InputError(
        { file, line, field: 'decision' },
        `"${fields[d]}" is not same, different or unsure`,
      );
    inputs.push({
      left,
      right,
      decision,
      user,
      reason: why >= 0 ? fields[why].trim() || null : null,
      where: `${file} line ${line}`,
    });
  }
  return inputs;
}
