import type pg from 'pg';
import { addToCaseTeam, checkedCaseNumber, listCaseTeam, removeFromCaseTeam } from '../core/firm/case-teams';
import { FirmError } from '../core/firm/firm-error';
import { addMailbox } from '../core/firm/firm-mailboxes';
import { addUser, listUsers, removeUser, type FirmUser } from '../core/firm/firm-users';
import { exitCodes } from './exit-codes';
import {
  databaseOption,
  databaseUrlFrom,
  failServerUsage,
  readServerOptions,
  withFirmDatabase,
} from './server-command';

/** IMAP's ports: TLS from the first byte, or plain upgraded with STARTTLS. */
const imapsPort = 993;
const imapPort = 143;

/** Runs one admin command (`add-user`, `list-users`, `remove-user`, `add-mailbox`, `case-team`); the exit code. */
export async function runServerAdminCommand(command: string, args: readonly string[]): Promise<number> {
  const parsed = readServerOptions({
    args: [...args],
    allowPositionals: true,
    options: {
      ...databaseOption,
      role: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      starttls: { type: 'boolean', default: false },
      login: { type: 'string' },
      'password-file': { type: 'string' },
      folder: { type: 'string', default: 'INBOX' },
      add: { type: 'string', multiple: true, default: [] },
      remove: { type: 'string', multiple: true, default: [] },
      list: { type: 'boolean', default: false },
    },
  });
  if (parsed === null) {
    return exitCodes.error;
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (extra.length > 0) {
    return failServerUsage(`${command} takes one name; "${extra.join(' ')}" is left over.`);
  }
  if (command !== 'list-users' && name === undefined) {
    return failServerUsage(`${command} needs ${command === 'case-team' ? 'the case number' : 'a name'}.`);
  }
  const url = databaseUrlFrom(values.database);
  if (url === null) {
    return exitCodes.error;
  }

  let work: (pool: pg.Pool) => Promise<void>;
  const given = name ?? '';
  switch (command) {
    case 'add-user': {
      if (values.role === undefined) {
        return failServerUsage('add-user needs --role: docketing, attorney, paralegal or admin.');
      }
      const role = values.role;
      work = async (pool) => printAddedUser(await addUser(pool, given, role));
      break;
    }
    case 'list-users':
      work = async (pool) => printUsers(await listUsers(pool));
      break;
    case 'remove-user':
      work = async (pool) => {
        process.stdout.write(`Removed user ${await removeUser(pool, given)}: their token no longer works.\n`);
      };
      break;
    case 'add-mailbox': {
      const port = values.port === undefined ? (values.starttls ? imapPort : imapsPort) : Number(values.port);
      if (values.host === undefined || values.login === undefined || values['password-file'] === undefined) {
        return failServerUsage('add-mailbox needs --host, --login and --password-file.');
      }
      const mailbox = {
        name: given,
        host: values.host,
        port,
        secure: !values.starttls,
        login: values.login,
        folder: values.folder,
        passwordFile: values['password-file'],
      };
      work = async (pool) => {
        const added = await addMailbox(pool, mailbox);
        process.stdout.write(
          `Added mailbox ${added}: ${mailbox.login} at ${mailbox.host}:${port} ` +
            `(${mailbox.secure ? 'TLS' : 'STARTTLS where offered'}), folder ${mailbox.folder}. ` +
            `The password is read from ${mailbox.passwordFile} when the mailbox is read.\n`,
        );
      };
      break;
    }
    default:
      work = (pool) => changeCaseTeam(pool, given, values.add, values.remove);
  }

  return withFirmDatabase(
    url,
    async ({ pool }) => {
      await work(pool);
      return exitCodes.pass;
    },
    (error) => {
      if (!(error instanceof FirmError)) {
        return null;
      }
      process.stderr.write(`${error.message}\n`);
      return exitCodes.block;
    },
  );
}

function printAddedUser({ user, token }: { user: FirmUser; token: string }): void {
  process.stdout.write(
    `Added user ${user.name} (${user.role}). Their token, shown this once (the server keeps only its SHA-256):\n` +
      `${token}\n` +
      'Hand it to them in person or through the firm’s password manager; it goes in Settings → Firm server.\n',
  );
}

function printUsers(users: readonly FirmUser[]): void {
  if (users.length === 0) {
    process.stdout.write('No users yet. Add one: ecf-desk server add-user NAME --role ROLE\n');
    return;
  }
  const rows = [
    ['NAME', 'ROLE', 'CASES'],
    ...users.map((user) => [
      user.name,
      user.role,
      user.seesEveryCase ? 'every case' : user.cases.join(', ') || 'none yet',
    ]),
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  for (const row of rows) {
    process.stdout.write(
      `${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}

async function changeCaseTeam(
  pool: pg.Pool,
  caseNumber: string,
  added: readonly string[],
  removed: readonly string[],
): Promise<void> {
  const number = checkedCaseNumber(caseNumber);
  for (const user of added) {
    const isNew = await addToCaseTeam(pool, number, user);
    process.stdout.write(
      `${isNew ? 'Added' : 'Already there:'} ${user} ${isNew ? 'to' : 'on'} the team of ${number}.\n`,
    );
  }
  for (const user of removed) {
    const wasThere = await removeFromCaseTeam(pool, number, user);
    process.stdout.write(
      wasThere ? `Removed ${user} from the team of ${number}.\n` : `${user} was not on the team of ${number}.\n`,
    );
  }
  const team = await listCaseTeam(pool, number);
  process.stdout.write(
    team.length === 0
      ? `Nobody is on the team of ${number} yet (docketing staff see it anyway).\n`
      : `Team of ${number}: ${team.map((member) => `${member.name} (${member.role})`).join(', ')}.\n`,
  );
}
