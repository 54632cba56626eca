import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { IsolatedReaders } from '../core/isolation/isolated-readers';
import type { ParsedNotice } from '../core/inbox/nef/parse-notice';
import type { IgnoredReason } from '../core/inbox/nef/notice-types';
import { docketFields } from '../core/inbox/nef/docket-fields';
import { inMegabytes, maxMailBytes } from '../core/inbox/inbox-limits';
import { readMailFile } from '../core/inbox/sources/file-source';
import { openReaders } from './cli-support';
import { exitCodes } from './exit-codes';
import { describeError } from '../shared/describe-error';

/** The `nef` part of the usage text. */
export const nefUsage = `Usage:
  ecf-desk nef parse [--json] FILE...

nef parse   Reads CM/ECF notices (NEFs, and appellate NDAs) saved as email files: .eml, any raw
            message (such as a .txt), or an Outlook .msg. Prints the court, the case and entry, the
            free-look link and who was served.
            Exit code: 0 all read as notices, 1 some set aside (not a new filing), 3 a file could
            not be read.

  --json   print a JSON array, one object per file, in the order given
`;

/** One entry as printed: every id and number a string, every date YYYY-MM-DD, null where the notice has none. */
interface DocketReport {
  readonly caseNumber: string;
  readonly caseName: string | null;
  readonly caseId: string | null;
  readonly documentNumber: string | null;
  readonly docketText: string | null;
  readonly shortDescription: string | null;
  readonly dateFiled: string | null;
  readonly deSeqNum: string | null;
  readonly docId: string | null;
  readonly magicNum: string | null;
  readonly documentUrl: string | null;
}

/** What `nef parse` says about one file. */
interface NefFileReport {
  readonly file: string;
  readonly kind: ParsedNotice['kind'] | 'unreadable';
  /** Why a notice was set aside (only for `ignored`). */
  readonly reason?: IgnoredReason;
  /** Why the file could not be read (only for `unreadable`). */
  readonly error?: string;
  readonly court: string | null;
  readonly subject: string | null;
  readonly dockets: readonly DocketReport[];
  readonly attachments: ParsedNotice['attachments'];
  readonly recipients: ParsedNotice['recipients'];
}

/** `ecf-desk nef SUBCOMMAND`: only `parse` so far; returns the exit code. */
export async function runNefCommand(args: readonly string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === '--help' || subcommand === '-h') {
    process.stdout.write(nefUsage);
    return exitCodes.pass;
  }
  if (subcommand !== 'parse') {
    failNefUsage(subcommand ? `Unknown nef command "${subcommand}".` : 'Name a nef command.');
  }
  const { json, files } = readParseArgs(rest);
  const readers = openReaders();
  const reports = await Promise.all(files.map((file) => reportFile(file, readers)));
  await readers.close();
  process.stdout.write(
    json ? `${JSON.stringify(reports, null, 2)}\n` : `${reports.map(formatNefReport).join('\n\n')}\n`,
  );
  return nefExitCode(reports);
}

function readParseArgs(args: readonly string[]): { json: boolean; files: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    failNefUsage(describeError(error).message);
  }
  if (parsed.positionals.length === 0) {
    failNefUsage('Name at least one email file to read.');
  }
  return { json: parsed.values.json, files: parsed.positionals };
}

function failNefUsage(message: string): never {
  process.stderr.write(`${message}\n\n${nefUsage}`);
  process.exit(exitCodes.error);
}

/** 3 when a file could not be read, else 1 when one was set aside, else 0. */
function nefExitCode(reports: readonly NefFileReport[]): number {
  if (reports.some((report) => report.kind === 'unreadable')) {
    return exitCodes.error;
  }
  if (reports.some((report) => report.kind === 'ignored')) {
    return exitCodes.warn;
  }
  return exitCodes.pass;
}

/** Each file is read in a child process within the limits of one email: a crafted one costs its own report only. */
async function reportFile(file: string, readers: IsolatedReaders): Promise<NefFileReport> {
  let bytes: Buffer;
  try {
    // A file larger than any email is refused before it is read into memory.
    const { size } = await stat(file);
    if (size > maxMailBytes) {
      return unreadable(
        file,
        `This file is ${inMegabytes(size)} MB; a court notice is a few KB, and ECF Desk reads no email over ${inMegabytes(maxMailBytes)} MB.`,
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    return unreadable(file, `The file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  try {
    // .eml and .msg go through the file source; any other name (a saved .txt, juriscraper's fixtures) is taken as a raw message.
    const isMailFile = ['.eml', '.msg'].includes(path.extname(file).toLowerCase());
    const raw = isMailFile ? (await readMailFile(file, bytes, readers.convertMsg)).raw : bytes;
    const reading = await readers.noticeParser.parse(raw);
    return reading.kind === 'read'
      ? toNefReport(file, reading.notice)
      : unreadable(file, `It could not be read as a notice: ${reading.reason}.`);
  } catch (error) {
    return unreadable(file, describeError(error).message);
  }
}

function unreadable(file: string, error: string): NefFileReport {
  return { file, kind: 'unreadable', error, court: null, subject: null, dockets: [], attachments: [], recipients: [] };
}

function toNefReport(file: string, notice: ParsedNotice): NefFileReport {
  return {
    file,
    kind: notice.kind,
    ...(notice.reason === null ? {} : { reason: notice.reason }),
    court: notice.court,
    subject: notice.subject,
    dockets: notice.dockets.map((docket) => ({
      ...docketFields(docket),
      magicNum: docket.magicNum,
      documentUrl: docket.documentUrl,
    })),
    attachments: notice.attachments,
    recipients: notice.recipients,
  };
}

/** A few lines a person can scan: what the notice is, each entry, and how many documents and people. */
function formatNefReport(report: NefFileReport): string {
  if (report.kind === 'unreadable') {
    return `${report.file}: ${report.error ?? 'could not be read.'}`;
  }
  if (report.kind === 'ignored') {
    return `${report.file}: set aside (${report.reason ?? 'not a new filing'}): ${report.subject ?? ''}`;
  }
  const title = `${report.file}: ${report.kind.toUpperCase()}${report.court ? ` from ${report.court}` : ''}`;
  const entries = report.dockets.map((docket) => {
    const entry = [
      docket.documentNumber ? `entry ${docket.documentNumber}` : 'no entry number',
      docket.dateFiled ? `filed ${docket.dateFiled}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const text = docket.docketText ?? docket.shortDescription ?? '';
    const lines = [`  ${docket.caseNumber}${docket.caseName ? ` ${docket.caseName}` : ''}: ${entry}`];
    if (text !== '') {
      lines.push(`    ${text.length > 120 ? `${text.slice(0, 117)}...` : text}`);
    }
    if (docket.documentUrl) {
      lines.push(`    ${docket.documentUrl}`);
    }
    return lines.join('\n');
  });
  const counts = `  ${plural(report.attachments.length, 'document')}, ${plural(report.recipients.length, 'recipient')} by email`;
  return [title, ...entries, counts].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
