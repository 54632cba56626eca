import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCourtConnection } from '../../../src-main/core/court/court-connection';
import type { TrainingCourtLauncher } from '../../../src-main/core/ports';
import type { CourtStatus } from '../../../src-main/shared/domain';
import { createEmbeddedTrainingCourtLauncher } from '../../../src-main/training-court/embedded';
import { CourtClient } from '../../support/training-court';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) {
    rmSync(folder, { recursive: true, force: true });
  }
});

function appDataFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ecf-desk-court-'));
  folders.push(folder);
  return folder;
}

describe('the court connection', () => {
  it('starts the embedded training court on loopback by default and reports it ready, with its login service', async () => {
    const changes: CourtStatus[] = [];
    const connection = createCourtConnection({
      launcher: createEmbeddedTrainingCourtLauncher(appDataFolder()),
      onChange: (status) => changes.push(status),
    });
    await connection.use('cit-training');
    const status = connection.status();
    expect(status).toMatchObject({
      profileId: 'cit-training',
      name: 'CIT — training (local)',
      kind: 'training',
      state: 'ready',
      isExperimental: false,
      message: null,
    });
    expect(status.ecfUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status.loginServiceUrl).toBe(`${status.ecfUrl}/services/cso-auth`);
    expect(changes.map((change) => change.state)).toEqual(['starting', 'ready']);
    const client = new CourtClient(status.ecfUrl ?? '');
    await client.loginAs('twalsh');
    expect(client.token).not.toBeNull();
    await connection.close();
    await expect(fetch(`${status.ecfUrl}/`)).rejects.toThrow();
  });

  it('stops the training court when a real court is chosen, and marks the real court experimental', async () => {
    const connection = createCourtConnection({
      launcher: createEmbeddedTrainingCourtLauncher(appDataFolder()),
      onChange: () => undefined,
    });
    await connection.use('cit-training');
    const trainingUrl = connection.status().ecfUrl ?? '';
    await connection.use('cit');
    expect(connection.status()).toMatchObject({
      profileId: 'cit',
      kind: 'live',
      isExperimental: true,
      ecfUrl: 'https://ecf.cit.uscourts.gov',
      loginServiceUrl: 'https://pacer.login.uscourts.gov/services/cso-auth',
    });
    await expect(fetch(`${trainingUrl}/`)).rejects.toThrow();
    await connection.close();
  });

  it('says plainly when the training court cannot start, and when the host has none', async () => {
    const failing: TrainingCourtLauncher = { start: async () => Promise.reject(new Error('port in use')) };
    const connection = createCourtConnection({ launcher: failing, onChange: () => undefined });
    await connection.use('cit-training');
    expect(connection.status()).toMatchObject({
      state: 'failed',
      message: 'The training court could not start: port in use',
      ecfUrl: null,
    });
    const without = createCourtConnection({ launcher: null, onChange: () => undefined });
    await without.use('cit-training');
    expect(without.status()).toMatchObject({ state: 'unavailable' });
  });

  it('starts one court however often the profile is applied', async () => {
    let starts = 0;
    const launcher: TrainingCourtLauncher = {
      start: async () => ({ url: `http://127.0.0.1:${++starts}`, close: async () => undefined }),
    };
    const connection = createCourtConnection({ launcher, onChange: () => undefined });
    await Promise.all([connection.use('cit-training'), connection.use('cit-training'), connection.use('cit-training')]);
    expect(starts).toBe(1);
  });
});
