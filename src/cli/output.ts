/** Terminal output helpers: aligned tables, JSON, and a progress bar that only shows on a TTY. */
import cliProgress from 'cli-progress';
import type { ImportProgress } from '../store/store.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Print rows as a left-aligned table with a header line. */
export function printTable(headers: string[], rows: Array<Array<string | number | null | undefined>>): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n`);
  for (const r of cells) process.stdout.write(`${line(r)}\n`);
}

/** A progress bar on stderr for long work; silent when stderr is not a terminal or in JSON mode. */
export function progressBar(
  label: string,
  enabled = process.stderr.isTTY === true,
): ImportProgress | undefined {
  if (!enabled) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  let phase = '';
  return (nextPhase, done, total) => {
    if (nextPhase !== phase) {
      bar?.stop();
      phase = nextPhase;
      bar = new cliProgress.SingleBar(
        {
          format: `${label} ${phase.padEnd(5)} [{bar}] {percentage}% {value}/{total}`,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    }
    bar?.update(done);
    if (done >= total) {
      bar?.stop();
      bar = undefined;
    }
  };
}
