import type { IsolatedTaskKind } from '../core/isolation/isolated-tasks';
import { describeError } from '../shared/describe-error';
import { dismissEarlyChild, startChildEarly } from './early-child';
import { exitCodes } from './exit-codes';

type Command = (args: readonly string[]) => Promise<number>;

/**
 * Each command's code is loaded only when it runs: `ecf-desk preflight` starts without the PDF writer, the mail parser
 * and the filing record, which it never uses (the build splits them into chunks of their own).
 */
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  preflight: async () => (await import('./preflight-command')).runPreflightCommand,
  'clean-copy': async () => (await import('./fix-commands')).runCleanCopyCommand,
  split: async () => (await import('./fix-commands')).runSplitCommand,
  nef: async () => (await import('./nef-command')).runNefCommand,
  audit: async () => (await import('./audit-command')).runAuditCommand,
  'certificate-of-service': async () => (await import('./certificate-command')).runCertificateCommand,
  profile: async () => (await import('./profile-command')).runProfileCommand,
  capture: async () => (await import('./capture-command')).runCaptureCommand,
  server: async () => (await import('./server-command')).runServerCommand,
};

/**
 * The job each command that parses a document runs first. Its child is started before the command's code is loaded
 * (zod, the report schemas, the court's page map…), so the child's start and its job's loading run beside that.
 */
const earlyJobs: Readonly<Record<string, IsolatedTaskKind>> = {
  preflight: 'preflight',
  'clean-copy': 'fix',
  split: 'fix',
};

/** `ecf-desk COMMAND ...`: the command line for people and scripts (firm IT, batch checks). */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const earlyJob = command !== undefined && Object.hasOwn(earlyJobs, command) ? earlyJobs[command] : undefined;
  if (earlyJob) {
    startChildEarly(earlyJob);
  }
  const { failUsage, peakChildMemoryMb, usage } = await import('./cli-support');
  if (command === '--help' || command === '-h' || command === 'help') {
    const [{ nefUsage }, { auditUsage }, { profileUsage }, { captureUsage }, { serverUsage }] = await Promise.all([
      import('./nef-command'),
      import('./audit-command'),
      import('./profile-command'),
      import('./capture-command'),
      import('./server-command'),
    ]);
    process.stdout.write(`${usage}\n${nefUsage}\n${auditUsage}\n${profileUsage}\n${captureUsage}\n${serverUsage}`);
    return;
  }
  // Own keys only: `ecf-desk constructor` is an unknown command, not Object's.
  const load = command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!load) {
    return failUsage(command ? `Unknown command "${command}".` : 'Name a command.');
  }
  const run = await load();
  try {
    process.exitCode = await run(args);
  } finally {
    dismissEarlyChild();
  }
  // The command's own peak and its children's (where each file is parsed): both count for the machine.
  if (process.env['ECF_DESK_REPORT_RESOURCES']) {
    process.stderr.write(
      `resources: peak-rss-mb=${Math.round(process.resourceUsage().maxRSS / 1024)} child-peak-rss-mb=${peakChildMemoryMb()}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ecf-desk could not run: ${describeError(error).message}\n`);
  process.exit(exitCodes.error);
});
