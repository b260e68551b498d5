/**
 * The contract every list format implements: read files, return entity drafts. A reader never
 * touches the store; it either returns everything or throws an InputError naming file, line, field.
 */
import type { EntityDraft } from '../model/entity.js';

export interface ReadContext {
  /** Dataset name; entity ids are `<dataset>-<record id>`. */
  dataset: string;
  /** Called with (done, total) as records are read, for progress bars. */
  progress?: (done: number, total: number) => void;
}

export interface ReadResult {
  entities: EntityDraft[];
  /** Problems that did not stop the import (unresolved "Linked To", unknown country…). */
  warnings: string[];
  /** The publication date the files state about themselves, if any (YYYY-MM-DD). */
  publishedAt?: string;
  /**
   * Signs that a file is cut short or hollow (no end-of-file mark, no dated header, an empty
   * section): the import refuses it unless told otherwise (see logic/removal-guard.ts).
   */
  incomplete?: SourceProblem[];
}

/** Something wrong with a file as a whole, not with a line of it. */
export interface SourceProblem {
  file: string;
  problem: string;
}

export interface SourceFormat {
  /** CLI name: `tangle import <name> files…`. */
  name: string;
  description: string;
  /** Dataset name used when --dataset is not given. */
  defaultDataset: string;
  defaultTitle: string;
  read(paths: string[], ctx: ReadContext): ReadResult;
}

/** Read files one after another, reporting progress per file. */
export function readEach(paths: readonly string[], ctx: ReadContext, readFile: (path: string) => void): void {
  paths.forEach((path, k) => {
    readFile(path);
    ctx.progress?.(k + 1, paths.length);
  });
}
