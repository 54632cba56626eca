import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourtVariation } from '../../../src-main/training-court/filing-transaction';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { submitAppearanceWithExhibits, submitSummonsAndComplaint } from '../../support/appearance-draft';
import { logInFiler, waitForOutboxState } from '../../support/filing-steps';
import { testCliPath } from '../../support/paths';
import { makePdf } from '../../support/synthetic-pdfs';
import { admin, CourtClient, docketEntryCount } from '../../support/training-court';

// `ecf-desk capture` (docs/court-pages.md#capturing-a-page-map): a person files by hand through the capture, in each of
// the training court's variations; the draft it writes, loaded as the app's page map, then files the same kind of
// filing through the outbox.

let harness: AccountsHarness;
let scratch = '';
/** The person's court session, logged in once (the court throttles a login per request) and used through each capture. */
let personToken = '';
beforeAll(async () => {
  harness = await startAccountsHarness();
  await logInFiler(harness.handlers, 'twalsh');
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-cli-capture-'));
  const person = new CourtClient(harness.court.url);
  await person.loginAs('twalsh');
  personToken = person.token ?? '';
});

/** The person at the browser, going through the capture's address with their court session. */
function personAt(address: string): CourtClient {
  const person = new CourtClient(address);
  person.token = personToken;
  return person;
}
/** Captures still running: stopped when the tests end, whatever happened to them. */
const running = new Set<ReturnType<typeof spawn>>();
afterAll(async () => {
  for (const child of running) {
    child.kill();
  }
  await harness.stop();
  await rm(scratch, { recursive: true, force: true });
});

interface CaptureRun {
  /** Stops the capture as Ctrl-C does. */
  readonly interrupt: () => void;
  /** Types an answer to the consent question. */
  readonly answer: (text: string) => void;
  /** The address the person's browser is told to open. */
  readonly url: Promise<string>;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `ecf-desk capture` against the training court, consent given on the command line. */
function startCapture(out: string, extra: string[] = ['--yes'], env: Record<string, string> = {}): CaptureRun {
  const child = spawn(
    process.execPath,
    [testCliPath, 'capture', '--court', harness.court.url, '--out', out, ...extra],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  let announce: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    announce = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const address = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
    if (address) {
      announce(address);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
  return { url, done, interrupt: () => child.kill('SIGINT'), answer: (text) => child.stdin.end(text) };
}

/** A person filing by hand through the capture: a notice of appearance in case 1017 with one exhibit. */
async function appearanceByHand(address: string, note: string): Promise<string> {
  const result = await personAt(address).file({
    caseId: 1017,
    caseNumber: '26-00123',
    eventId: 'form-11-notice-of-appearance',
    partyIds: ['us-1017'],
    main: { name: 'walsh-appearance.pdf', bytes: await makePdf(1) },
    attachments: [{ name: 'walsh-exhibit.pdf', bytes: await makePdf(1), description: 'Exhibit A' }],
    annotation: note,
  });
  return result.kind ?? 'none';
}

/** A person filing a summons and its complaint by hand through the capture: a new case, and its fee. */
async function summonsByHand(address: string, caption: string): Promise<string> {
  const result = await personAt(address).file({
    newAction: {
      caption,
      parties: [
        { id: 'new-1', name: caption.split(' v. ')[0] ?? '', role: 'Plaintiff' },
        { id: 'new-2', name: 'United States', role: 'Defendant' },
      ],
    },
    eventId: 'summons-and-complaint',
    partyIds: ['new-1'],
    main: { name: 'summons.pdf', bytes: await makePdf(1) },
    complaint: { name: 'complaint.pdf', bytes: await makePdf(2) },
  });
  return result.kind ?? 'none';
}

const variations: [string, Partial<CourtVariation>, 'appearance' | 'summons', string][] = [
  [
    'the usual court',
    {},
    'appearance',
    'categories events case filer documents related docket-text final-text receipt',
  ],
  [
    'the case asked first',
    { caseFirst: true },
    'appearance',
    'categories case events filer documents related docket-text final-text receipt',
  ],
  [
    'attachments on a second screen',
    { attachmentsScreen: true },
    'appearance',
    'categories events case filer documents attachments related docket-text final-text receipt',
  ],
  [
    'the joint-filing question',
    { jointFilingQuestion: true },
    'appearance',
    'categories events case filer documents joint-filing related docket-text final-text receipt',
  ],
  [
    'a fee prompt',
    { feePrompt: true },
    'summons',
    'categories events new-case filer documents related docket-text fee final-text receipt',
  ],
];

describe('ecf-desk capture', () => {
  it.each(variations)(
    'at %s: a filing made by hand is captured, and the draft files the same kind of filing once through the app',
    async (label, variation, kind, expectedScreens) => {
      await admin(harness.court, 'POST', '/admin/variation', variation);
      const out = path.join(scratch, `${Object.keys(variation).join('-') || 'usual'}.pages.json`);
      const capture = startCapture(out);
      const address = await capture.url;
      const note = `by hand at ${label}`;
      const caption = `Captured ${Object.keys(variation).join(' ') || 'none'} Co. v. United States`;
      expect(
        kind === 'appearance' ? await appearanceByHand(address, note) : await summonsByHand(address, caption),
      ).toBe('nef-receipt');
      const run = await capture.done;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const screens = [...run.stdout.matchAll(/^ {2}([a-z-]+)$/gm)].map((match) => match[1]).join(' ');
      // The order the court showed them (the receipt and the menu of categories are named last).
      expect(screens.split(' ').sort(), run.stdout).toEqual(expectedScreens.split(' ').sort());

      // What the draft keeps: structure, and nothing of the filing made by hand.
      const text = await readFile(out, 'utf8');
      for (const filingWords of [
        '26-00123',
        'Walsh',
        'walsh-appearance',
        'Exhibit A',
        note,
        caption,
        'United States',
        'NextGenCSO',
      ]) {
        expect(text, filingWords).not.toContain(filingWords);
      }

      // Loaded as the app's page map, it files the same kind of filing, once.
      await harness.handlers['settings.update']({ pageMap: { fileName: path.basename(out), text } });
      expect(await harness.handlers['settings.pageMap']({})).toMatchObject({ source: 'file', problem: null });
      const before = await docketEntryCount(harness.court);
      const draft =
        kind === 'appearance'
          ? await submitAppearanceWithExhibits(harness.handlers, `through the app at ${label}`, ['Exhibit A'])
          : await submitSummonsAndComplaint(
              harness.handlers,
              `Through the app ${Object.keys(variation).join(' ')} Co. v. United States`,
            );
      const sent = await waitForOutboxState(harness.handlers, draft.id, [
        'submitted',
        'filed',
        'needs-attention',
        'failed',
      ]);
      expect(sent.outbox?.state, `${sent.outbox?.message ?? ''}\n${text}`).toMatch(/^(submitted|filed)$/);
      expect(await docketEntryCount(harness.court)).toBe(before + (kind === 'appearance' ? 1 : 2));
      await harness.handlers['settings.update']({ pageMap: null });
    },
  );

  it('writes nothing without consent, and says so when no whole filing was seen', async () => {
    await admin(harness.court, 'POST', '/admin/variation', {});
    const refused = path.join(scratch, 'refused.pages.json');
    const asked = startCapture(refused, []);
    asked.answer('no\n');
    const { code, stdout } = await asked.done;
    expect(code).toBe(3);
    expect(stdout).toContain('Type yes to start');
    expect(stdout).toContain('Nothing was recorded.');
    await expect(readFile(refused)).rejects.toThrow(/ENOENT/);

    // Stopped after looking at the menu only: no draft.
    const capture = startCapture(refused);
    const person = personAt(await capture.url);
    expect(await (await person.get('/cgi-bin/DisplayMenu.pl?CivilEvents')).text()).toContain('Civil Events');
    capture.interrupt();
    const run = await capture.done;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No draft written: No form was posted');
    await expect(readFile(refused)).rejects.toThrow(/ENOENT/);

    // An earlier draft is never overwritten.
    await writeFile(path.join(scratch, 'earlier.pages.json'), '{}');
    const earlier = startCapture(path.join(scratch, 'earlier.pages.json'));
    const again = await earlier.done;
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('earlier.pages.json already exists');
    expect(await readFile(path.join(scratch, 'earlier.pages.json'), 'utf8')).toBe('{}');
  });

  it.runIf(process.platform === 'linux')(
    "with --open, opens its own address in the system's browser, and nothing else",
    async () => {
      // The desktop's opener, as xdg-open is called: this one writes down what it was asked to open.
      const bin = path.join(scratch, 'bin');
      const asked = path.join(scratch, 'opened.txt');
      await mkdir(bin, { recursive: true });
      await writeFile(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${asked}'\n`, { mode: 0o755 });
      const capture = startCapture(path.join(scratch, 'opened.pages.json'), ['--yes', '--open'], {
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      });
      const address = await capture.url;
      await vi.waitFor(async () => expect(await readFile(asked, 'utf8')).toBe(`${address}/\n`), { timeout: 10_000 });
      capture.interrupt();
      expect((await capture.done).code).toBe(2);
    },
  );
});
