/**
 * The checks that stop a bad list file from becoming a version that delists a dataset.
 *
 * A cut-short download or an empty file reads without a syntax error, and importing it as a new
 * version would mark every entity it lacks as removed: a screen then finds nothing. So an import
 * is refused when its files carry the signs of being incomplete (the reader reports them: OFAC's
 * end-of-file byte, the UN list's dated root and its two sections), and when it would remove more
 * than a set share of the dataset's active entities. Both refusals can be overridden
 * (`--allow-incomplete`, `--allow-mass-removal`) for the rare real case. Every way in — the CLI
 * import, the upload route, `tangle update` — goes through importFiles, which applies them.
 */
import { ConflictError, InputError, UsageError } from '../errors.js';
import type { SourceProblem } from '../sources/source.js';

/** Share of a dataset's active entities one version may remove unless forced. */
export const DEFAULT_MAX_REMOVAL_SHARE = 0.1;

export interface RemovalPolicy {
  /** Largest share (0–1) of the active entities a version may remove. */
  maxRemovalShare?: number;
  /** Import even when more would be removed. */
  allowMassRemoval?: boolean;
  /** Import files that look cut short. */
  allowIncomplete?: boolean;
}

/** A version that would remove too much: says how many, out of how many, and how to force it. */
export class MassRemovalError extends ConflictError {
  constructor(
    readonly dataset: string,
    readonly removed: number,
    readonly active: number,
    readonly maxShare: number,
  ) {
    super(
      `refused: this version would remove ${removed} of the ${active} active entities of ${dataset} ` +
        `(${percent(removed / active)}; at most ${percent(maxShare)} may go in one version). ` +
        'A cut-short or empty file looks like this; check the files, or force it with --allow-mass-removal ' +
        '(upload field allowMassRemoval=true) if the list really dropped them',
    );
    this.name = 'MassRemovalError';
  }
}

function percent(share: number): string {
  const p = share * 100;
  return `${p < 10 && p !== Math.round(p) ? p.toFixed(1) : Math.round(p)} %`;
}

/**
 * A share from text: "0.1", "10%" or "10 %". Shares above 1 are refused rather than read as
 * percentages, so "10" is not silently 1000 %.
 */
export function parseRemovalShare(raw: string, name: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(raw);
  const share = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN;
  if (!(share >= 0 && share <= 1)) {
    throw new UsageError(`${name} must be a share from 0 to 1 (0.1) or a percentage (10%), not "${raw}"`);
  }
  return share;
}

/** The share from TANGLE_MAX_REMOVAL_SHARE, else the default. */
export function removalShareFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TANGLE_MAX_REMOVAL_SHARE;
  return raw ? parseRemovalShare(raw, 'TANGLE_MAX_REMOVAL_SHARE') : DEFAULT_MAX_REMOVAL_SHARE;
}

/** Refuse files the reader found incomplete (unless allowed), naming the first of them. */
export function checkComplete(problems: readonly SourceProblem[] | undefined, policy: RemovalPolicy): void {
  if (!problems?.length || policy.allowIncomplete) return;
  const [first, ...rest] = problems;
  const more = rest.length ? ` (and ${rest.length} more: ${rest.map((p) => p.problem).join('; ')})` : '';
  throw new InputError(
    { file: first!.file },
    `${first!.problem}${more}; nothing was imported. Use the whole file, or import it anyway with --allow-incomplete ` +
      '(upload field allowIncomplete=true)',
  );
}

/**
 * Refuse a version that would remove more than the allowed share of the dataset's active
 * entities. `activeIds` are the entities the latest version lists; `newIds` those of the new one.
 */
export function checkRemoval(
  dataset: string,
  activeIds: readonly string[],
  newIds: ReadonlySet<string>,
  policy: RemovalPolicy,
): void {
  if (policy.allowMassRemoval || !activeIds.length) return;
  const maxShare = policy.maxRemovalShare ?? DEFAULT_MAX_REMOVAL_SHARE;
  let removed = 0;
  for (const id of activeIds) if (!newIds.has(id)) removed++;
  if (removed > maxShare * activeIds.length) {
    throw new MassRemovalError(dataset, removed, activeIds.length, maxShare);
  }
}
