import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices, type CoreServices } from '../../../src-main/core/app-services';
import { createIsolatedReaders, type IsolatedReaders } from '../../../src-main/core/isolation/isolated-readers';
import type { AppLog } from '../../../src-main/core/storage/app-log';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { Finding, Verdict } from '../../../src-main/shared/preflight';
import { qpdfEncrypted, withObjectZero } from '../../support/fix-pdfs';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { testCliPath, testIsolatedChildPath } from '../../support/paths';
import { pdfManifestPath, readPdfManifest } from '../../support/pdf-manifest';
import { buildPdf, withOpenActionJavaScript } from '../../support/preflight-pdfs';
import { makeNotPdf, makePdf, makeTruncatedPdf } from '../../support/synthetic-pdfs';

// One engine, one verdict: every file goes through the app's add-document path (core wired as the hosts wire it, the
// readers in child processes) and through `ecf-desk preflight --json`, and both must say the same thing about it.

interface CliReport {
  readonly file: string;
  readonly pages: number | null;
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly error?: string;
}

interface Compared {
  readonly name: string;
  readonly app: DocumentRecord;
  readonly cli: CliReport;
}

let scratch = '';
let readers: IsolatedReaders;
let core: CoreServices;
const logged: string[] = [];
let cliErrorOutput = '';
let cliExitCode: number | null = null;
const compared = new Map<string, Compared>();

/** The synthetic fixtures, built in code so the comparison runs without ../shared. */
async function syntheticFixtures(): Promise<[string, Uint8Array][]> {
  const clean = await makePdf(2);
  return [
    ['clean.pdf', clean],
    ['restrictions only.pdf', qpdfEncrypted(clean, '')],
    ['needs a password.pdf', qpdfEncrypted(clean, 'user-secret')],
    ['restrictions and object zero.pdf', withObjectZero(qpdfEncrypted(clean, ''))],
    ['password and object zero.pdf', withObjectZero(qpdfEncrypted(clean, 'user-secret'))],
    ['object zero.pdf', withObjectZero(clean)],
    ['damaged.pdf', makeTruncatedPdf()],
    ['javascript.pdf', await buildPdf(withOpenActionJavaScript)],
    ['not a pdf.pdf', makeNotPdf()],
  ];
}

/** Every PDF of the shared fixture manifest, by its path there. */
async function sharedFixtures(): Promise<[string, Uint8Array][]> {
  return Promise.all(
    readPdfManifest().map(async (pdf): Promise<[string, Uint8Array]> => [
      pdf.file,
      new Uint8Array(await readFile(pdf.path)),
    ]),
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-one-engine-'));
  const fixtures = [
    ...(await syntheticFixtures()).map(([name, bytes]): [string, Uint8Array] => [`synthetic/${name}`, bytes]),
    ...(await sharedFixtures()).map(([name, bytes]): [string, Uint8Array] => [`shared/${name}`, bytes]),
  ];
  const files = new Map<string, string>();
  for (const [index, [name, bytes]] of fixtures.entries()) {
    const file = path.join(scratch, 'files', String(index), path.basename(name));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    files.set(file, name);
  }

  // The command line, over every file at once, as a user runs it.
  const cli = spawnSync(process.execPath, [testCliPath, 'preflight', '--json', ...files.keys()], {
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  cliErrorOutput = cli.stderr;
  cliExitCode = cli.status;
  const cliReports = JSON.parse(cli.stdout) as CliReport[];

  // The app, wired as the hosts wire it (shell/main.ts, web/browser-mode-server.ts): its readers log to core's log.
  let log: AppLog | null = null;
  readers = createIsolatedReaders({
    scriptPath: testIsolatedChildPath,
    log: (line, level) => {
      logged.push(line);
      log?.(line, level);
    },
  });
  core = createCoreServices({
    dataFolder: path.join(scratch, 'data'),
    host: 'browser',
    version: '0.0.0',
    settingsFile: createSettingsFile(path.join(scratch, 'data')),
    fileChooser: null,
    readers,
    emit: () => undefined,
    secretStore: createMemorySecretStore(),
  });
  log = core.log;
  for (const [index, [file, name]] of [...files].entries()) {
    const app = await core.handlers['documents.add']({
      jobId: `job-${index}`,
      name: path.basename(name),
      bytes: new Uint8Array(await readFile(file)),
    });
    const cliReport = cliReports.find((report) => report.file === file);
    if (!cliReport) {
      throw new Error(`ecf-desk preflight gave no report for ${name}`);
    }
    compared.set(name, { name, app, cli: cliReport });
  }
}, 600_000);

afterAll(async () => {
  await core?.close();
  await readers?.close();
  await rm(scratch, { recursive: true, force: true });
});

const codesOf = (findings: readonly Finding[]): string[] => findings.map((finding) => finding.code).sort();

/** What the app shows for a file, in the terms the command line reports it. */
function appVerdict({ app, cli }: Compared): { pages: number | null; verdict: Verdict | null; codes: string[] } {
  if (app.preflight.state === 'done') {
    return { pages: app.pages, verdict: app.preflight.report.verdict, codes: codesOf(app.preflight.report.findings) };
  }
  // A file the list cannot use says why in the row; each reason is one of preflight's findings, or no report at all.
  switch (app.problem?.code) {
    case 'document.not-pdf':
      return { pages: null, verdict: 'block', codes: ['not-pdf'] };
    case 'document.needs-password': {
      const encrypted = cli.findings.find((finding) => finding.code === 'encrypted');
      expect(app.problem.message).toBe(encrypted?.message);
      return { pages: null, verdict: 'block', codes: codesOf(cli.findings) };
    }
    case 'document.unreadable':
      // Preflight's own finding for a file it cannot read is `malformed`, with no page count.
      expect(cli.findings.map((finding) => finding.code)).toContain('malformed');
      return { pages: null, verdict: 'block', codes: codesOf(cli.findings) };
    default:
      return { pages: app.pages, verdict: null, codes: [] };
  }
}

function cliVerdict(cli: CliReport): { pages: number | null; verdict: Verdict | null; codes: string[] } {
  return { pages: cli.pages === 0 ? null : cli.pages, verdict: cli.verdict, codes: codesOf(cli.findings) };
}

/** Whether text shows a parser's internals: JSON, a parser's position, its own words, or parentheses left open. */
function showsParserInternals(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    depth += character === '(' ? 1 : character === ')' ? -1 : 0;
    if (depth < 0) {
      return true;
    }
  }
  return depth !== 0 || /[{}]|"line"|line:\d|offset=|Trying to parse|instance of|PDFInvalidObject/.test(text);
}

describe('the app and ecf-desk preflight', () => {
  it('give every synthetic fixture the same findings, verdict and page count', () => {
    const synthetic = [...compared.values()].filter((each) => each.name.startsWith('synthetic/'));
    expect(synthetic).toHaveLength(9);
    for (const each of synthetic) {
      expect({ name: each.name, ...appVerdict(each) }).toEqual({ name: each.name, ...cliVerdict(each.cli) });
    }
  });

  it('show a PDF with restrictions as encrypted, with the clean copy, and one that needs a password as encrypted, never as damaged', () => {
    for (const name of ['synthetic/restrictions only.pdf', 'synthetic/restrictions and object zero.pdf']) {
      const { app } = compared.get(name) ?? expect.unreachable(name);
      expect(app.problem).toBeNull();
      expect(app.pages).toBe(2);
      const report = app.preflight.state === 'done' ? app.preflight.report : expect.unreachable(name);
      expect(report.findings.find((finding) => finding.code === 'encrypted')?.fixes).toEqual(['clean-copy']);
    }
    const locked = compared.get('synthetic/needs a password.pdf') ?? expect.unreachable('needs a password');
    expect(locked.app.problem).toBeNull();
    expect(locked.app.pages).toBe(2);
    expect(locked.cli.pages).toBe(2);
    const report = locked.app.preflight.state === 'done' ? locked.app.preflight.report : expect.unreachable('done');
    expect(report.findings.map((finding) => finding.code)).toEqual(['encrypted']);
    expect(report.findings[0]?.message).toContain('needs a password to open');
    expect(report.findings[0]?.fixes).toBeUndefined();
  });

  it.skipIf(pdfManifestPath === null)(
    'give every shared fixture the same findings, verdict and page count (../shared/fixtures/pdf must be present)',
    () => {
      const shared = [...compared.values()].filter((each) => each.name.startsWith('shared/'));
      expect(shared.length).toBeGreaterThan(50);
      for (const each of shared) {
        expect({ name: each.name, ...appVerdict(each) }).toEqual({ name: each.name, ...cliVerdict(each.cli) });
      }
    },
  );

  it('never show a user a parser’s internals, in the list, a finding or the command line’s report', () => {
    for (const { name, app, cli } of compared.values()) {
      const texts = [
        app.problem?.message ?? '',
        ...(app.preflight.state === 'done'
          ? [app.preflight.report.error ?? '', ...app.preflight.report.findings.map((finding) => finding.message)]
          : []),
        cli.error ?? '',
        ...cli.findings.map((finding) => finding.message),
      ];
      expect({ name, shown: texts.filter(showsParserInternals) }).toEqual({ name, shown: [] });
    }
  });

  it('keep library chatter out of the terminal: the command line prints only its report, the app logs it', () => {
    expect(cliExitCode).toBe(2);
    expect(cliErrorOutput).toBe('');
    expect(logged).toContainEqual(expect.stringContaining('Removing parsed object: 0 0 R'));
  });
});
