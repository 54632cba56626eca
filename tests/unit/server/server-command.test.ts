import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, send, startServerProcess, type ServerProcess } from '../../support/firm-server';
import { freePort } from '../../support/test-services';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// `ecf-desk server` and its admin commands, run as the CLI ships (docs/firm-server.md): what each prints and its exit
// code (0 done, 2 refused, 3 could not run, 5 a schema this version does not know).

let cluster: PostgresTestCluster | null = null;
let scratch = '';
const pools: pg.Pool[] = [];
const running: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-desk-server-command-'));
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  await Promise.all(pools.map((pool) => pool.end()));
  await cluster?.stop();
  await rm(scratch, { recursive: true, force: true });
});

async function query<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const pool = new pg.Pool({ connectionString: url });
  pools.push(pool);
  return (await pool.query<Row>(text)).rows;
}

async function serve(url: string, ...extra: string[]): Promise<ServerProcess> {
  const server = await startServerProcess([
    '--database',
    url,
    '--storage',
    path.join(scratch, 'pdfs'),
    '--port',
    '0',
    ...extra,
  ]);
  running.push(server);
  return server;
}

const tokenIn = (stdout: string) => /^(ecfd_\S+)$/m.exec(stdout)?.[1] ?? '';

describe.skipIf(process.platform === 'win32')('ecf-desk server', () => {
  it('is listed in the help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('ecf-desk server add-user NAME --role docketing|attorney|paralegal|admin');
    expect(run.stdout).toContain("5 the database's schema is newer than this version");
    const own = await runCli(['server', '--help']);
    expect(own).toMatchObject({ code: 0, stderr: '' });
    expect(own.stdout).toMatch(/^Usage:\n {2}ecf-desk server --storage FOLDER/);
  });

  it('runs: prints where it listens, makes the PDF store, answers /health, and stops on SIGTERM with 0', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    const server = await serve(url);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toContain(`database ${url}, schema version 6; PDFs in ${path.join(scratch, 'pdfs')}`);
    expect(await readdir(path.join(scratch, 'pdfs'))).toEqual(['sha256']);
    expect((await send(`${server.url}/health`)).body).toBe('{"ok":true,"database":"postgresql","schemaVersion":6}');
    expect(await server.stop()).toBe(0);
  });

  it('adds a user and prints their token once; the token works until the user is removed', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    const added = await runCli(['server', 'add-user', 'JDoe', '--role', 'attorney', '--database', url]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added user jdoe \(attorney\)\. Their token, shown this once/);
    const token = tokenIn(added.stdout);
    expect(token).toMatch(/^ecfd_[A-Za-z0-9_-]{43}$/);
    const [stored] = await query<{ token: string }>(url, "SELECT encode(token_sha256, 'hex') AS token FROM users");
    expect(stored?.token).toHaveLength(64);
    expect(JSON.stringify(await query(url, 'SELECT * FROM users'))).not.toContain(token.slice(5));

    const server = await serve(url);
    const me = await send(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.parse(me.body)).toMatchObject({ name: 'jdoe', role: 'attorney', cases: [] });

    const removed = await runCli(['server', 'remove-user', 'jdoe'], { DATABASE_URL: url });
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed user jdoe: their token no longer works.\n' });
    expect((await send(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const again = await runCli(['server', 'remove-user', 'jdoe'], { DATABASE_URL: url });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('There is no user named jdoe. ecf-desk server list-users lists the users there are.\n');
  });

  it('refuses a name taken, a role it does not know, and a command without what it needs', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const env = { DATABASE_URL: await cluster.createDatabase() };
    expect((await runCli(['server', 'add-user', 'desk', '--role', 'docketing'], env)).code).toBe(0);
    const taken = await runCli(['server', 'add-user', 'desk', '--role', 'paralegal'], env);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('There is already a user named desk.');
    const role = await runCli(['server', 'add-user', 'kim', '--role', 'partner'], env);
    expect(role).toMatchObject({ code: 2, stdout: '' });
    expect(role.stderr).toBe('"partner" is not a role: use docketing, attorney, paralegal, admin.\n');
    const noRole = await runCli(['server', 'add-user', 'kim'], env);
    expect(noRole.code).toBe(3);
    expect(noRole.stderr).toMatch(/^add-user needs --role: docketing, attorney, paralegal or admin\.\n\nUsage:/);
    const noDatabase = await runCli(['server', 'list-users']);
    expect(noDatabase.code).toBe(3);
    expect(noDatabase.stderr).toMatch(
      /^Name the firm database: --database postgres:\/\/user@host:port\/name, or set DATABASE_URL\./,
    );
    expect((await runCli(['server', 'add-users'], env)).stderr).toMatch(/^Unknown server command "add-users"\./);
  });

  it('lists users with their roles and cases, and manages case teams', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const env = { DATABASE_URL: await cluster.createDatabase() };
    expect((await runCli(['server', 'list-users'], env)).stdout).toBe(
      'No users yet. Add one: ecf-desk server add-user NAME --role ROLE\n',
    );
    await runCli(['server', 'add-user', 'alice', '--role', 'attorney'], env);
    await runCli(['server', 'add-user', 'bob', '--role', 'paralegal'], env);
    await runCli(['server', 'add-user', 'desk', '--role', 'docketing'], env);

    const added = await runCli(['server', 'case-team', '1:26-cv-00123', '--add', 'alice', '--add', 'bob'], env);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe(
      'Added alice to the team of 1:26-cv-00123.\nAdded bob to the team of 1:26-cv-00123.\n' +
        'Team of 1:26-cv-00123: alice (attorney), bob (paralegal).\n',
    );
    expect((await runCli(['server', 'case-team', '1:26-cv-00123', '--add', 'alice'], env)).stdout).toContain(
      'Already there: alice on the team of 1:26-cv-00123.\n',
    );
    expect((await runCli(['server', 'case-team', '26-00007', '--add', 'alice'], env)).code).toBe(0);
    expect((await runCli(['server', 'list-users'], env)).stdout).toBe(
      'NAME   ROLE       CASES\n' +
        'alice  attorney   1:26-cv-00123, 26-00007\n' +
        'bob    paralegal  1:26-cv-00123\n' +
        'desk   docketing  every case\n',
    );
    const removed = await runCli(['server', 'case-team', '1:26-cv-00123', '--remove', 'bob'], env);
    expect(removed.stdout).toBe(
      'Removed bob from the team of 1:26-cv-00123.\nTeam of 1:26-cv-00123: alice (attorney).\n',
    );
    expect((await runCli(['server', 'case-team', '26-00099', '--list'], env)).stdout).toBe(
      'Nobody is on the team of 26-00099 yet (docketing staff see it anyway).\n',
    );
    const stranger = await runCli(['server', 'case-team', '26-00007', '--add', 'carol'], env);
    expect(stranger).toMatchObject({ code: 2 });
    expect(stranger.stderr).toContain('There is no user named carol.');
    expect((await runCli(['server', 'case-team', 'no such case', '--list'], env)).code).toBe(2);
  });

  it('adds a mailbox whose password file only its owner may read, and keeps the file’s path, never the password', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    const passwordFile = path.join(scratch, 'docketing.password');
    await writeFile(passwordFile, 'imap-s3cret\n', { mode: 0o644 });
    const mailbox = [
      'server',
      'add-mailbox',
      'docketing',
      '--host',
      'imap.firm.example',
      '--login',
      'docketing@firm.example',
    ];

    const readable = await runCli([...mailbox, '--password-file', passwordFile], { DATABASE_URL: url });
    expect(readable.code).toBe(2);
    expect(readable.stderr).toContain(
      `The password file ${passwordFile} cannot be used: others than its owner may read`,
    );
    expect(readable.stderr).toContain('chmod 600');
    const relative = await runCli([...mailbox, '--password-file', 'docketing.password'], { DATABASE_URL: url });
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain('give its absolute path');

    await chmod(passwordFile, 0o600);
    const added = await runCli([...mailbox, '--password-file', passwordFile], { DATABASE_URL: url });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe(
      `Added mailbox docketing: docketing@firm.example at imap.firm.example:993 (TLS), folder INBOX. The password is read from ${passwordFile} when the mailbox is read.\n`,
    );
    const rows = await query(url, 'SELECT name, host, port, secure, login, folder, password_file FROM mailboxes');
    expect(rows).toEqual([
      {
        name: 'docketing',
        host: 'imap.firm.example',
        port: 993,
        secure: true,
        login: 'docketing@firm.example',
        folder: 'INBOX',
        password_file: passwordFile,
      },
    ]);
    expect(JSON.stringify(await query(url, 'SELECT * FROM mailboxes'))).not.toContain('imap-s3cret');
    const twice = await runCli([...mailbox, '--password-file', passwordFile, '--starttls'], { DATABASE_URL: url });
    expect(twice).toMatchObject({
      code: 2,
      stderr: 'There is already a mailbox named docketing. Choose another name.\n',
    });
  });

  it('refuses to start, and every admin command to run, on a schema newer than it knows: exit code 5', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    expect((await runCli(['server', 'list-users', '--database', url])).code).toBe(0);
    await query(url, "INSERT INTO schema_migrations (version, name) VALUES (7, 'from-a-newer-server')");
    const started = await runCli(['server', '--database', url, '--storage', path.join(scratch, 'pdfs'), '--port', '0']);
    expect(started.code).toBe(5);
    expect(started.stdout).toBe('');
    expect(started.stderr).toMatch(
      /^The firm database is at schema version 7, newer than this server knows \(up to 6\)/,
    );
    expect((await runCli(['server', 'add-user', 'kim', '--role', 'admin', '--database', url])).code).toBe(5);
    expect(await query(url, 'SELECT name FROM users')).toEqual([]);
  });

  it('says plainly when the database cannot be reached, without printing its password: exit code 3', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const nowhere = `postgres://firm:hunter2@127.0.0.1:${await freePort()}/firm`;
    const run = await runCli(['server', 'list-users', '--database', nowhere]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`The firm database at postgres://firm:***@127.0.0.1:`);
    expect(run.stderr).toContain('Check --database (or DATABASE_URL), and that PostgreSQL runs and lets this user in.');
    expect(run.stderr).not.toContain('hunter2');
    const halfTls = await runCli(['server', '--database', nowhere, '--storage', scratch, '--tls-cert', 'cert.pem']);
    expect(halfTls.code).toBe(3);
    expect(halfTls.stderr).toMatch(/^HTTPS needs both --tls-cert and --tls-key\./);
  });

  it('trusts the links of the court it is told, and a training court only on this computer', async () => {
    const nowhere = `postgres://firm@127.0.0.1:${await freePort()}/firm`;
    const start = (...extra: string[]) => runCli(['server', '--database', nowhere, '--storage', scratch, ...extra]);
    const unknown = await start('--court', 'nysd');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^--court must be cit-training or cit, not "nysd"\./);
    for (const origin of [null, 'https://127.0.0.1:8931', 'http://court.example:8931', 'http://127.0.0.1:8931/doc1']) {
      const training = await start(
        '--court',
        'cit-training',
        ...(origin === null ? [] : ['--training-court-origin', origin]),
      );
      expect(training.code).toBe(3);
      expect(training.stderr).toMatch(/^--court cit-training needs --training-court-origin http:\/\/127\.0\.0\.1:PORT/);
    }
    const live = await start('--training-court-origin', 'http://127.0.0.1:8931');
    expect(live.code).toBe(3);
    expect(live.stderr).toMatch(/^--training-court-origin goes with --court cit-training only\./);
  });

  it('starts twice at once on an empty database: both servers listen, and each migration ran once', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    const [first, second] = await Promise.all([serve(url), serve(url)]);
    for (const server of [first, second]) {
      expect((await send(`${server!.url}/health`)).body).toBe('{"ok":true,"database":"postgresql","schemaVersion":6}');
    }
    expect(await query(url, 'SELECT version, name FROM schema_migrations ORDER BY version')).toEqual([
      { version: 1, name: 'users-case-teams-mailboxes' },
      { version: 2, name: 'notices-entries-free-looks' },
      { version: 3, name: 'entry-changes' },
      { version: 4, name: 'entry-search' },
      { version: 5, name: 'shared-drafts' },
      { version: 6, name: 'store-notice' },
    ]);
  });
});
