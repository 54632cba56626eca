import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CaptureIncompleteError, createCaptureRecorder } from '../core/court/capture/capture-recorder';
import { startCaptureProxy } from './capture-proxy';
import { courtProfileId } from '../shared/domain';
import { describeError } from '../shared/describe-error';
import { exitCodes } from './exit-codes';

/** `ecf-desk capture`: its usage. */
export const captureUsage = `Usage:
  ecf-desk capture --court URL --out DRAFT.pages.json [--profile cit-training|cit] [--port N] [--open] [--yes]

capture     Records, with your consent, the structure of the pages a court shows while you file one
            filing by hand in your browser (through an address on this computer that passes everything
            on to the court), and writes a court page map draft. Kept: each page's forms, field names and
            types, headings and the words the court's own pages say. Never kept: passwords, tokens,
            cookies, names, case numbers, what you type or choose, documents. It stops by itself after
            the court's receipt. Use a court's training database. Then check the draft with
            ecf-desk profile check. Exit code: 0 draft written, 2 no whole filing was seen, 3 could not run.

  --court URL     the court's CM/ECF address (https://ecf-train.<court>.uscourts.gov)
  --profile ID    the court profile the draft is for (default cit-training)
  --open          open the capture's address in the system's browser
  --yes           consent given on the command line instead of asked
`;

/** What the person is told before anything is recorded. */
const consentText = `ECF Desk capture records the structure of the court's pages while you file by hand:
forms, field names and types, headings, and the words the court's own pages say.
It keeps no password, token, cookie, name, case number, typed text, choice or document.
Record the pages you file through? Type yes to start: `;

/**
 * Opens the capture's own address (on 127.0.0.1, made here: never an address from outside) in the system's browser,
 * with the platform's opener; if none runs, says so: the printed address still works.
 */
function openInBrowser(address: string): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', address]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""', address]
        : ['xdg-open', address];
  const opener = spawn(command ?? 'xdg-open', args, { stdio: 'ignore', detached: true });
  opener.on('error', (error) =>
    process.stderr.write(`No browser could be opened (${describeError(error).message}): open the address above.\n`),
  );
  opener.unref();
}

/** Runs `capture`; the exit code. */
export async function runCaptureCommand(args: readonly string[]): Promise<number> {
  const fail = (message: string): number => {
    process.stderr.write(`${message}\n\n${captureUsage}`);
    return exitCodes.error;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        court: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        yes: { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(describeError(error).message);
  }
  const { values } = parsed;
  if (!values.court || !values.out) {
    return fail('Give --court and --out.');
  }
  if (!URL.canParse(values.court) || !/^https?:$/.test(new URL(values.court).protocol)) {
    return fail(`--court must be an http(s) address, not "${values.court}".`);
  }
  if (existsSync(values.out)) {
    return fail(`${values.out} already exists: name a new file for the draft (an earlier one is never overwritten).`);
  }
  const profile = courtProfileId.safeParse(values.profile ?? 'cit-training');
  if (!profile.success) {
    return fail(`--profile must be one of ${courtProfileId.options.join(', ')}.`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return fail(`--port must be a port number, not "${values.port}".`);
  }
  if (!values.yes) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(consentText);
    prompt.close();
    if (answer.trim().toLowerCase() !== 'yes') {
      process.stdout.write('Nothing was recorded.\n');
      return exitCodes.error;
    }
  }

  const recorder = createCaptureRecorder();
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const proxy = await startCaptureProxy({
    court: values.court,
    recorder,
    onReceipt: () => finish(),
    log: (line) => process.stderr.write(`${line}\n`),
    port,
  });
  const stop = (): void => finish();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(
    `Open ${proxy.url}/ in your browser, log in, and file one filing by hand: from Civil events, through every screen, to the receipt.\nThe capture stops by itself after the receipt (Ctrl-C stops it sooner, writing a draft only if a whole filing was seen).\n`,
  );
  if (values.open) {
    openInBrowser(`${proxy.url}/`);
  }
  await finished;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await proxy.close();

  let draft;
  try {
    draft = recorder.draft(profile.data, new Date());
  } catch (error) {
    if (error instanceof CaptureIncompleteError) {
      process.stderr.write(`No draft written: ${error.message}\n`);
      return exitCodes.block;
    }
    throw error;
  }
  await writeFile(values.out, `${JSON.stringify(draft.map, null, 2)}\n`, { flag: 'wx' });
  process.stdout.write(
    [
      `Pages captured: ${recorder.pageCount()}.`,
      ...draft.screens.map((screen) => `  ${screen.step}`),
      `Not seen (a filing that meets them stops before the final submit): ${draft.notCaptured.join(', ') || 'none'}.`,
      `Wrote ${values.out}. Check it with: ecf-desk profile check ${values.out} --court ${values.court} …`,
      '',
    ].join('\n'),
  );
  return exitCodes.pass;
}
