/**
 * Judgements: a person's (or the automatic rule's) decision that two entity ids name the same
 * party, different parties, or that they cannot tell. A judgement is about a pair, whatever order
 * it was given in: the pair is kept with the smaller id on the left.
 *
 * The current judgements are the resolver's input; every change (judge, split, import) is also
 * appended to a log, so who decided what and when is never lost.
 */

export const DECISIONS = ['same', 'different', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];

/** How a judgement came about: by hand, by the identifier rule, or from a shared file. */
export const METHODS = ['manual', 'auto', 'import'] as const;
export type Method = (typeof METHODS)[number];

export interface Judgement {
  left: string;
  right: string;
  decision: Decision;
  /** Who decided: a username, or `tangle` for automatic merges. */
  user: string;
  /** When, ISO 8601. */
  at: string;
  method: Method;
  reason: string | null;
}

export interface JudgementInput {
  left: string;
  right: string;
  decision: Decision;
  user: string;
  /** Defaults to now; imports keep the time the judgement was first made. */
  at?: string;
  method?: Method;
  reason?: string | null;
  /** Where the input came from, for errors: "judgements.csv line 4". */
  where?: string;
}

export interface LogEntry {
  at: string;
  user: string;
  action: 'judge' | 'split' | 'import';
  left: string | null;
  right: string | null;
  decision: string | null;
  detail: string | null;
}

/** The stored form of the resolver's state; an implementation lives beside each kind of store. */
export interface JudgementStore {
  judgements(): Judgement[];
  /** member id → canonical id, for members of clusters of two or more. */
  canonicalIds(): Map<string, string>;
  /**
   * Replace the current judgements of the given pairs (a null decision deletes the pair), replace
   * the whole canonical id table, and append log entries, all in one transaction.
   */
  commit(change: {
    upserts: Judgement[];
    deletes: Array<[string, string]>;
    canonical: Map<string, string>;
    log: LogEntry[];
  }): void;
  log(limit?: number): LogEntry[];
  /** Changes whenever the judgements change (also by another process). */
  marker(): string;
  /** Which of these ids name entities the store holds. */
  knownIds(ids: Iterable<string>): Set<string>;
}

export function isDecision(v: unknown): v is Decision {
  return typeof v === 'string' && (DECISIONS as readonly string[]).includes(v);
}

/** The pair in its stored order: smaller id first. */
export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

export function pairString(a: string, b: string): string {
  const [l, r] = pairKey(a, b);
  return `${l}\u0000${r}`;
}
