/**
 * Sharing decisions: judgements as JSON lines, one object per pair —
 * `{"left", "right", "decision", "user", "at", "method", "reason"}` — so a team can export what it
 * decided, review the file, and import it into another store. An import keeps each judgement's
 * author and time and marks it as imported; a broken line stops the import, naming the line, and
 * nothing is applied.
 */
import { InputError } from '../errors.js';
import { isDecision, METHODS, type Judgement, type JudgementInput, type Method } from './judgements.js';

export function judgementsToJsonl(judgements: readonly Judgement[]): string {
  return judgements
    .map((j) =>
      JSON.stringify({
        left: j.left,
        right: j.right,
        decision: j.decision,
        user: j.user,
        at: j.at,
        method: j.method,
        reason: j.reason,
      }),
    )
    .join('\n')
    .concat(judgements.length ? '\n' : '');
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parse judgements from JSON lines; `importer` is recorded when a line names no user. */
export function parseJudgementJsonl(text: string, file: string, importer: string): JudgementInput[] {
  const out: JudgementInput[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (err) {
      throw new InputError({ file, line }, `not JSON: ${(err as Error).message}`);
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw new InputError({ file, line }, 'expected one JSON object per line');
    const o = obj as Record<string, unknown>;
    const text = (field: string, required: boolean): string | undefined => {
      const v = o[field];
      if (v === undefined || v === null) {
        if (required) throw new InputError({ file, line, field }, 'missing');
        return undefined;
      }
      if (typeof v !== 'string' || !v.trim() || v.length > 1000)
        throw new InputError({ file, line, field }, 'must be a non-empty string of at most 1000 characters');
      return v.trim();
    };
    const left = text('left', true)!;
    const right = text('right', true)!;
    const decision = text('decision', true)!;
    if (!isDecision(decision))
      throw new InputError(
        { file, line, field: 'decision' },
        `"${decision}" is not same, different or unsure`,
      );
    const at = text('at', false);
    if (at !== undefined && (!ISO_RE.test(at) || Number.isNaN(Date.parse(at))))
      throw new InputError({ file, line, field: 'at' }, `"${at}" is not an ISO 8601 time`);
    const method = text('method', false);
    if (method !== undefined && !(METHODS as readonly string[]).includes(method))
      throw new InputError(
        { file, line, field: 'method' },
        `"${method}" is not one of ${METHODS.join(', ')}`,
      );
    out.push({
      left,
      right,
      decision,
      user: text('user', false) ?? importer,
      at,
      // An automatic merge stays marked as one; everything else shows it came from a file.
      method: method === 'auto' ? ('auto' as Method) : 'import',
      reason: text('reason', false) ?? null,
      where: `${file} line ${line}`,
    });
  });
  return out;
}
