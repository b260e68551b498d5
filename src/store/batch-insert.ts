/**
 * Multi-row INSERT: rows are buffered and written `batchSize` at a time with one prepared
 * `INSERT … VALUES (…), (…), …` statement. Each better-sqlite3 call has a fixed cost (crossing into
 * native code, resetting the statement); paying it once per hundred rows instead of once per row
 * is most of what a bulk load can save.
 */
import type Database from 'better-sqlite3';

export class BatchInsert {
  private readonly pending: unknown[] = [];
  private readonly full: Database.Statement;
  private readonly width: number;

  /**
   * @param head `INSERT INTO t (a, b, c)`
   * @param tuple one row's values, e.g. `(?, ?, ?, NULL)`; its `?` count is the row width
   * @param tail what follows the VALUES list, e.g. an ON CONFLICT clause
   */
  constructor(
    private readonly db: Database.Database,
    private readonly head: string,
    private readonly tuple: string,
    private readonly tail = '',
    private readonly batchSize = 100,
  ) {
    this.width = tuple.split('?').length - 1;
    this.full = this.prepare(batchSize);
  }

  /** Buffer one row (exactly as many values as the tuple has `?`); writes when a batch is full. */
  add(...values: unknown[]): void {
    if (values.length !== this.width) {
      throw new Error(`BatchInsert: ${values.length} values for a row of ${this.width}`);
    }
    for (const v of values) this.pending.push(v);
    if (this.pending.length === this.width * this.batchSize) {
      this.full.run(this.pending);
      this.pending.length = 0;
    }
  }

  /** Write the rows still buffered (a last, shorter batch). */
  flush(): void {
    if (!this.pending.length) return;
    this.prepare(this.pending.length / this.width).run(this.pending);
    this.pending.length = 0;
  }

  private prepare(rows: number): Database.Statement {
    const values = new Array<string>(rows).fill(this.tuple).join(', ');
    return this.db.prepare(`${this.head} VALUES ${values} ${this.tail}`);
  }
}
