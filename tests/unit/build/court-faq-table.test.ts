import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filingHelp } from '../../../src-main/shared/court-help';
import { projectRoot } from '../../support/paths';

const heading = "## The court's FAQ, item by item";

/** The section of docs/court-rules.md that goes through the FAQ, from its heading to the next section. */
function faqSection(): string {
  const text = readFileSync(path.join(projectRoot, 'docs', 'court-rules.md'), 'utf8');
  const start = text.indexOf(heading);
  if (start === -1) {
    throw new Error(`docs/court-rules.md has no section "${heading}"`);
  }
  const next = text.indexOf('\n## ', start + heading.length);
  return text.slice(start, next === -1 ? undefined : next);
}

/** The table's rows as [number, question, what the app does]. */
function faqRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => /^\| \d/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

/** Curly and straight quotes alike, so the page's plain apostrophes match the app's typographic ones. */
function plainQuotes(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

describe("docs/court-rules.md: the court's FAQ, item by item", () => {
  const section = faqSection();
  const rows = faqRows(section);

  it('has one row for each item, 01 to 52, in order, each with a question and what the app does', () => {
    const expected = Array.from({ length: 52 }, (_, index) => String(index + 1).padStart(2, '0'));
    expect(rows.map((row) => row[0])).toEqual(expected);
    for (const row of rows) {
      expect(row, row.join(' | ')).toHaveLength(3);
      expect(row[1]?.length, `FAQ ${row[0]}: question`).toBeGreaterThan(0);
      expect(row[2]?.length, `FAQ ${row[0]}: what the app does`).toBeGreaterThan(10);
    }
  });

  it('names only files that exist in the repository', () => {
    const named = [...section.matchAll(/`((?:src-main|src-renderer|tests|docs)\/[^`\s]+)`/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(40);
    const missing = named.filter((file) => !existsSync(path.join(projectRoot, file ?? '')));
    expect(missing).toEqual([]);
  });

  it('names only Help topics that exist, by the start of their titles', () => {
    const titles = filingHelp.map((topic) => plainQuotes(topic.title));
    const named = [...section.matchAll(/Help topics? \*([^*]+)\*(?: and \*([^*]+)\*)?/g)].flatMap((match) =>
      [match[1], match[2]].filter((title): title is string => title !== undefined),
    );
    expect(named.length).toBeGreaterThan(15);
    for (const title of named) {
      expect(
        titles.some((each) => each.startsWith(plainQuotes(title))),
        `no Help topic titled "${title}"`,
      ).toBe(true);
    }
  });
});
