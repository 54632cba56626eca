import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAppDataFolder } from '../core/storage/app-data-folder';
import { defaultSeed, type TrainingCourtSeed } from './seed';
import { readVariationNames } from './filing-transaction';
import { startTrainingCourt } from './training-court';
import { describeError } from '../shared/describe-error';

const usage = `Usage: npm run training-court -- [options]

Starts the ECF Desk training court on 127.0.0.1 and prints its URL.

  --port N          port to listen on (default: a free one)
  --data FOLDER     where the court keeps its state (default: training-court/ in the app data folder)
  --seed FILE       a JSON seed (accounts, attorneys, cases) instead of the built-in one
  --reset           throw the court's state away and seed it again
  --imap URL        also deliver notices to an IMAP mailbox, e.g. imap://user:pass@127.0.0.1:143
  --admin-token T   the admin API's token (default: a random one, printed)
  --pdf-direct      serve free looks as PDFs instead of inside a page
  --variation LIST  how its filing screens differ from the usual court's, comma-separated:
                    case-first, attachments-screen, joint-filing, fee-prompt (docs/court-pages.md)
`;

function readSeed(file: string | undefined): TrainingCourtSeed {
  if (!file) {
    return defaultSeed;
  }
  const seed = JSON.parse(readFileSync(file, 'utf8')) as TrainingCourtSeed;
  if (!Array.isArray(seed.accounts) || !Array.isArray(seed.attorneys) || !Array.isArray(seed.cases)) {
    throw new Error(`${file} is not a seed: it needs accounts, attorneys and cases`);
  }
  return seed;
}

function readImap(address: string | undefined) {
  if (!address) {
    return undefined;
  }
  const url = new URL(address);
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') {
    throw new Error('--imap must be an imap:// or imaps:// URL');
  }
  return {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'imaps:' ? 993 : 143)),
    secure: url.protocol === 'imaps:',
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      imap: { type: 'string' },
      'admin-token': { type: 'string' },
      'pdf-direct': { type: 'boolean', default: false },
      variation: { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  const dataFolder = path.resolve(
    values.data ?? path.join(resolveAppDataFolder(process.env, process.platform, homedir()), 'training-court'),
  );
  const imap = readImap(values.imap);
  const court = await startTrainingCourt({
    dataFolder,
    port,
    seed: readSeed(values.seed),
    reset: values.reset,
    pdfInIframe: !values['pdf-direct'],
    variation: readVariationNames(values.variation),
    ...(imap ? { imap } : {}),
    ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
  });
  process.stdout.write(
    `Training court running at ${court.url}\nData folder: ${dataFolder}\nNotices (Maildir): ${court.maildirFolder}\nAdmin token: ${court.adminToken}\n`,
  );
  const stop = (): void => {
    court.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `The training court did not close cleanly: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The training court could not start: ${describeError(error).message}\n${usage}`);
  process.exit(1);
});
