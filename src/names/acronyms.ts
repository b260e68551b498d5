/**
 * The acronyms of one name (initials of runs of its words) and the parts each covers, as two
 * parallel arrays: a name has about nine, looked up by scanning, where a Map per name cost about
 * 800 bytes, for 10,000 organisation names of the lists.
 */
export class Acronyms {
  static readonly NONE = new Acronyms([], []);

  constructor(
    private readonly texts: readonly string[],
    /** Bit mask of the parts covered (bit i = parts[i]). */
    private readonly masks: readonly number[],
  ) {}

  get size(): number {
    return this.texts.length;
  }

  /** The mask of the parts an acronym covers, or undefined when the name has no such acronym. */
  get(acronym: string): number | undefined {
    const i = this.texts.indexOf(acronym);
    return i < 0 ? undefined : this.masks[i];
  }

  has(acronym: string): boolean {
    return this.texts.includes(acronym);
  }

  /** The acronyms, in the order they were found. */
  keys(): readonly string[] {
    return this.texts;
  }
}
