import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreServices } from '../../../src-main/core/app-services';
import { addToCaseTeam } from '../../../src-main/core/firm/case-teams';
import { addUser, removeUser } from '../../../src-main/core/firm/firm-users';
import { firmTokenItem } from '../../../src-main/core/firm-connection/firm-connection';
import type { PolicySource } from '../../../src-main/core/policy/policy-source';
import type { SecretStore } from '../../../src-main/core/vault/secret-store';
import { startFirmServerOnTestCluster, type FirmServerOnTestCluster } from '../../support/firm-server';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { createTestCore } from '../../support/test-core';

// A desktop connecting to the real firm server (docs/firm-server.md#connecting-a-desktop): the server on a throwaway
// PostgreSQL, the desktop's whole core in this process, the token in its keychain.

let firm: FirmServerOnTestCluster | null = null;
let database: FirmServerOnTestCluster['database'];
let server: FirmServerOnTestCluster['server'];
let folder = '';
let core: CoreServices | null = null;
let secrets: SecretStore;
const otherServers: Server[] = [];

beforeAll(async () => {
  firm = await startFirmServerOnTestCluster();
  if (firm) {
    ({ database, server } = firm);
  }
});
afterEach(async () => {
  await core?.close();
  core = null;
  rmSync(folder, { recursive: true, force: true });
  await Promise.all(otherServers.splice(0).map((each) => new Promise((resolve) => each.close(resolve))));
});
afterAll(async () => {
  await firm?.stop();
});

/** The desktop's core over a fresh data folder, with machine policy setting `policy` (read before this answers). */
async function startDesktop(policy: Record<string, unknown> = {}): Promise<CoreServices> {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-firm-desktop-'));
  secrets = createMemorySecretStore();
  const source: PolicySource = {
    name: '/etc/ecf-desk/policy.json',
    read: async () => policy,
    watch: () => () => undefined,
  };
  core = createTestCore(folder, { secretStore: secrets, policySources: [source] });
  await core.policyReady();
  return core;
}

/** The settings file as saved on disk (what policy sets is never written there). */
function savedSettings(): Record<string, unknown> {
  const file = path.join(folder, 'settings.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

/** A plain HTTP server on 127.0.0.1 answering every request with `answer`, and the requests it got. */
async function otherServer(
  answer: (url: string) => { status: number; headers?: Record<string, string>; body?: string },
): Promise<{ url: string; requests: { url: string; headers: IncomingHttpHeaders }[] }> {
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const other = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    const { status, headers = {}, body = '' } = answer(request.url ?? '');
    response.writeHead(status, headers).end(body);
  });
  otherServers.push(other);
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(other.address() as AddressInfo).port}`, requests };
}

describe.skipIf(process.platform === 'win32')('a desktop connecting to the firm server', () => {
  it('connects with a token, says who it stands for, keeps the token in the keychain and the address in settings', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { token } = await addUser(database.pool, 'mchen', 'paralegal');
    await addToCaseTeam(database.pool, '1:26-cv-00123', 'mchen');
    const { handlers } = await startDesktop();
    expect(await handlers['firmServer.status']({})).toMatchObject({ state: 'not-set', url: null });

    const connected = await handlers['firmServer.connect']({ url: `${server.url}/`, token: ` ${token} ` });

    expect(connected).toEqual({
      url: server.url,
      managedBy: null,
      state: 'connected',
      user: { name: 'mchen', role: 'paralegal', cases: ['1:26-cv-00123'], seesEveryCase: false },
      message: null,
    });
    expect(await secrets.get(firmTokenItem)).toBe(token);
    expect(savedSettings()['firmServerUrl']).toBe(server.url);
    expect(JSON.stringify(savedSettings())).not.toContain(token);
    expect(await handlers['firmServer.status']({})).toMatchObject({ state: 'connected', user: { name: 'mchen' } });

    const disconnected = await handlers['firmServer.disconnect']({});
    expect(disconnected).toMatchObject({ state: 'not-set', url: null, user: null });
    expect(await secrets.get(firmTokenItem)).toBeNull();
    expect(savedSettings()['firmServerUrl']).toBeNull();
  });

  it('a token the server does not know is refused, and nothing is kept', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { handlers } = await startDesktop();
    await expect(
      handlers['firmServer.connect']({ url: server.url, token: `ecfd_${'A'.repeat(43)}` }),
    ).rejects.toMatchObject({ code: 'firm-server.token-refused', message: /does not know this token/ });
    await expect(handlers['firmServer.connect']({ url: server.url })).rejects.toMatchObject({
      code: 'firm-server.no-token',
    });
    expect(await secrets.get(firmTokenItem)).toBeNull();
    expect(savedSettings()['firmServerUrl'] ?? null).toBeNull();
  });

  it('once IT removes the user, the status says the token is refused; with the server down, that it does not answer', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { token } = await addUser(database.pool, 'leaving', 'attorney');
    const { handlers } = await startDesktop();
    await handlers['firmServer.connect']({ url: server.url, token });
    await removeUser(database.pool, 'leaving');
    expect(await handlers['firmServer.status']({})).toMatchObject({
      state: 'token-refused',
      user: null,
      message: /Ask IT for a new token/,
    });

    const nobody = await otherServer(() => ({ status: 200 }));
    const address = nobody.url;
    await new Promise((resolve) => otherServers.splice(0)[0]?.close(resolve));
    await expect(handlers['firmServer.connect']({ url: address, token })).rejects.toMatchObject({
      code: 'firm-server.unreachable',
      message: new RegExp(`The firm server at ${address} did not answer`),
    });
    expect(savedSettings()['firmServerUrl']).toBe(server.url);
  });

  it('refuses an address that is not https off this computer, or holds more than a host and port, before any request', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { handlers } = await startDesktop();
    for (const url of ['http://10.0.4.20:8080', `${server.url}/api`, 'https://user:pass@ecf-desk.firm.example']) {
      await expect(handlers['firmServer.connect']({ url, token: 'ecfd_x' })).rejects.toMatchObject({
        code: 'firm-server.address-invalid',
      });
    }
  });

  it('what answers at the address is not a firm server: said so; a redirect is not followed and the token goes nowhere else', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { token } = await addUser(database.pool, 'careful', 'attorney');
    const { handlers } = await startDesktop();
    const webPage = await otherServer(() => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>Intranet</html>',
    }));
    await expect(handlers['firmServer.connect']({ url: webPage.url, token })).rejects.toMatchObject({
      code: 'firm-server.unreachable',
      message: /is not an ECF Desk firm server \(HTTP 200\)/,
    });

    const elsewhere = await otherServer(() => ({ status: 200, body: '{}' }));
    const redirecting = await otherServer(() => ({ status: 302, headers: { location: `${elsewhere.url}/api/me` } }));
    await expect(handlers['firmServer.connect']({ url: redirecting.url, token })).rejects.toMatchObject({
      code: 'firm-server.unreachable',
    });
    expect(redirecting.requests.map((request) => request.url)).toEqual(['/api/me']);
    expect(elsewhere.requests).toEqual([]);
    expect(savedSettings()['firmServerUrl'] ?? null).toBeNull();
  });

  it('an address set by machine policy is the one used, is never written to settings, and stays after a disconnect', async (context) => {
    if (!firm) {
      return context.skip();
    }
    const { token } = await addUser(database.pool, 'docket-desk', 'docketing');
    const decoy = await otherServer(() => ({ status: 200, body: '{}' }));
    // Policy addresses are https (the policy's format). Nothing serves https on this one, so the test sees which
    // address the desktop asked: the policy's, never the one the user typed.
    const closed = await otherServer(() => ({ status: 200 }));
    const policyAddress = `https://127.0.0.1:${new URL(closed.url).port}`;
    await new Promise((resolve) => otherServers.splice(-1)[0]?.close(resolve));
    const { handlers } = await startDesktop({ firmServerUrl: policyAddress });
    expect(await handlers['firmServer.status']({})).toMatchObject({
      url: policyAddress,
      managedBy: '/etc/ecf-desk/policy.json',
      state: 'no-token',
    });
    await expect(handlers['firmServer.connect']({ url: decoy.url, token })).rejects.toMatchObject({
      code: 'firm-server.unreachable',
      message: new RegExp(`The firm server at ${policyAddress} did not answer`),
    });
    expect(decoy.requests).toEqual([]);
    await handlers['settings.update']({ firmServerUrl: decoy.url });
    expect((await handlers['settings.get']({})).firmServerUrl).toBe(policyAddress);
    expect(await handlers['firmServer.disconnect']({})).toMatchObject({ url: policyAddress, state: 'no-token' });
    expect(savedSettings()['firmServerUrl'] ?? null).toBeNull();
  });
});
