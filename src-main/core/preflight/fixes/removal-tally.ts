/**
 * What a fix left out, counted once per object, for the plain-language list shown to the filer
 * ("2 JavaScript actions", "1 attached file (KSBASE.WQ2)"): courts expect filers to know what they file
 * (court FAQ 45).
 */
export class RemovalTally {
  private readonly kinds = new Map<string, { plural: string; count: number; details: Set<string> }>();
  private readonly flags: string[] = [];
  private readonly counted = new WeakSet<object>();

  /** Whether `source` is seen for the first time (an object reached twice is counted once). */
  isFirstSight(source: object): boolean {
    if (this.counted.has(source)) {
      return false;
    }
    this.counted.add(source);
    return true;
  }

  /** Counts `count` things of one kind, with an optional detail (a file name) shown after the count. */
  add(singular: string, plural: string, count = 1, detail?: string): void {
    if (count <= 0) {
      return;
    }
    const kind = this.kinds.get(singular) ?? { plural, count: 0, details: new Set<string>() };
    kind.count += count;
    if (detail !== undefined && detail.trim() !== '') {
      kind.details.add(detail.trim());
    }
    this.kinds.set(singular, kind);
  }

  /** Records something removed that is not counted ("document metadata"); recorded once. */
  flag(text: string): void {
    if (!this.flags.includes(text)) {
      this.flags.push(text);
    }
  }

  /** The list, counted kinds first, in the order they were first met. */
  describe(): string[] {
    const lines = [...this.kinds].map(([singular, { plural, count, details }]) => {
      const listed = details.size > 0 ? ` (${[...details].join(', ')})` : '';
      return `${count} ${count === 1 ? singular : plural}${listed}`;
    });
    return [...lines, ...this.flags];
  }
}
