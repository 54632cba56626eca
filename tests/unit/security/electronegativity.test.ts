import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/paths';

// Electronegativity scans the built app (dist/shell, dist/preload, dist/renderer), not the sources: its global checks
// need main, the preload and the renderer's HTML in one input, as they ship. It cannot follow the window factory's
// `webPreferences: hardenedWebPreferences(…)` (nor esbuild's renamed `BrowserWindow2`), so those settings are proven by
// tests/unit/shell/window-factory.test.ts and hardening.test.ts instead; docs/security.md says so.

/** One finding as src-main/build/electronegativity.mjs writes it to the CSV. */
interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly line: string;
}

/** Parses RFC 4180 CSV (every field quoted, quotes doubled, line breaks allowed inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        isQuoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      isQuoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  return rows;
}

const reportPath = path.join(projectRoot, 'tests', '.output', 'electronegativity.csv');
let findings: Finding[] = [];
let scanOutput = '';
let scanStatus: number | null = null;

beforeAll(() => {
  if (!['shell', 'preload', 'renderer'].every((part) => existsSync(path.join(projectRoot, 'dist', part)))) {
    const build = spawnSync(process.execPath, ['src-main/build/build.mjs', '--quiet'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (build.status !== 0) {
      throw new Error(`npm run build failed, so there is nothing to scan:\n${build.stderr}`);
    }
  }
  const scan = spawnSync(process.execPath, ['src-main/build/electronegativity.mjs'], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  scanOutput = `${scan.stdout}${scan.stderr}`;
  scanStatus = scan.status;
  const [header, ...rows] = parseCsv(readFileSync(reportPath, 'utf8'));
  const column = (name: string): number => header?.indexOf(name) ?? -1;
  findings = rows.map((row) => ({
    check: row[column('check')] ?? '',
    severity: row[column('severity')] ?? '',
    confidence: row[column('confidence')] ?? '',
    file: row[column('file')] ?? '',
    line: row[column('line')] ?? '',
  }));
}, 300_000);

describe('Electronegativity over the built desktop app', () => {
  it('ran to the end and wrote its report', () => {
    expect(scanStatus, scanOutput).not.toBe(2);
    expect(scanOutput).toMatch(/electronegativity: \d+ finding/);
  });

  it('finds nothing HIGH or CRITICAL', () => {
    const severe = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL');
    expect(severe, scanOutput).toEqual([]);
    expect(scanStatus, scanOutput).toBe(0);
  });

  it('sees the navigation limits and the permission handler in main (proof that the scan read the shell)', () => {
    const checks = findings.map((finding) => finding.check);
    expect(checks).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(checks).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });

  it('has every MEDIUM finding explained in docs/security.md, a section per check', () => {
    const doc = readFileSync(path.join(projectRoot, 'docs', 'security.md'), 'utf8');
    const explained = new Set([...doc.matchAll(/^### ([A-Z_]+_CHECK)\b/gm)].map((match) => match[1]));
    const unexplained = findings.filter((finding) => finding.severity === 'MEDIUM' && !explained.has(finding.check));
    expect(unexplained, 'add a "### <CHECK_ID>" section to docs/security.md for each').toEqual([]);
  });
});
