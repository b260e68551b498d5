/**
 * An error in user-supplied input (a list file, a CSV book, a request). It always names where the
 * problem is, so the user can open the file at that line and fix it.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(where: { file: string; line?: number; field?: string }, problem: string) {
    const parts = [where.file];
    if (where.line !== undefined) parts.push(`line ${where.line}`);
    if (where.field !== undefined) parts.push(`field "${where.field}"`);
    super(`${parts.join(', ')}: ${problem}`);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** Anything the user asked for that cannot be done as asked (unknown id, out-of-order version…). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A request or command field whose value cannot be accepted; `field` names it for the caller. */
export class FieldError extends UsageError {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'FieldError';
    this.field = field;
  }
}

/** The thing asked for would clash with one that exists (a username already taken…). */
export class ConflictError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The thing asked for does not exist (an unknown dataset…); the message says what does. */
export class NotFoundError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
