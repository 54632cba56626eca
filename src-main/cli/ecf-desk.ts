import { auditUsage, runAuditCommand } from './audit-command';
import { runCertificateCommand } from './certificate-command';
import { failUsage, peakChildMemoryMb, usage } from './cli-support';
import { exitCodes } from './exit-codes';
import { runCleanCopyCommand, runSplitCommand } from './fix-commands';
import { nefUsage, runNefCommand } from './nef-command';
import { runPreflightCommand } from './preflight-command';
import { describeError } from '../shared/describe-error';

const commands: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  preflight: runPreflightCommand,
  'clean-copy': runCleanCopyCommand,
  split: runSplitCommand,
  nef: runNefCommand,
  audit: runAuditCommand,
  'certificate-of-service': runCertificateCommand,
};

/** `ecf-desk COMMAND ...`: the command line for people and scripts (firm IT, batch checks). */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n${nefUsage}\n${auditUsage}`);
    return;
  }
  const run = command ? commands[command] : undefined;
  if (!run) {
    failUsage(command ? `Unknown command "${command}".` : 'Name a command.');
  }
  process.exitCode = await run(args);
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
