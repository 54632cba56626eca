import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import { defaultSettings, type Settings } from '../../../src-main/shared/domain';

// electron-store is conf plus Electron's default folder and `name` in place of `configName`; outside
// Electron it cannot load, so the test swaps in exactly that wrapper over the real conf and real files.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreOverConf extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: { name: string; cwd: string }) {
      super({ ...options, configName: name });
    }
  }
  return { default: ElectronStoreOverConf };
});

const { createElectronSettingsFile } = await import('../../../src-main/shell/adapters/electron-settings-file');

let dataFolder: string;
const settingsFile = () => path.join(dataFolder, 'settings.json');

beforeEach(() => {
  dataFolder = mkdtempSync(path.join(tmpdir(), 'ecf-desk-settings-'));
});
afterEach(() => rmSync(dataFolder, { recursive: true, force: true }));

describe('createElectronSettingsFile', () => {
  it('starts from the defaults when there is no settings file', () => {
    expect(createElectronSettingsFile(dataFolder).read()).toStrictEqual(defaultSettings);
  });

  it('writes settings.json in the data folder, the file browser mode reads', () => {
    createElectronSettingsFile(dataFolder).write({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(readdirSync(dataFolder)).toContain('settings.json');
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(createElectronSettingsFile(dataFolder).read()).toStrictEqual({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
  });

  it('shares one file with browser mode: each host reads what the other wrote', () => {
    createElectronSettingsFile(dataFolder).write({
      documentsSort: 'size',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(createSettingsFile(dataFolder).read()).toStrictEqual({
      documentsSort: 'size',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    createSettingsFile(dataFolder).write({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(createElectronSettingsFile(dataFolder).read()).toStrictEqual({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
  });

  it.each([
    ['corrupt JSON', '{"documentsSort": '],
    ['a JSON array', '["name"]'],
    ['JSON null', 'null'],
    ['an unknown value', '{"documentsSort": "by-colour"}'],
    ['a value of the wrong type', '{"documentsSort": 7}'],
  ])('falls back to the defaults for %s instead of failing to start', (_case, content) => {
    writeFileSync(settingsFile(), content);
    expect(createElectronSettingsFile(dataFolder).read()).toStrictEqual(defaultSettings);
  });

  it('keeps keys it does not know when it saves', () => {
    writeFileSync(settingsFile(), JSON.stringify({ documentsSort: 'size', fromNewerVersion: true }));
    createElectronSettingsFile(dataFolder).write({
      documentsSort: 'added',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toStrictEqual({
      documentsSort: 'added',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
      fromNewerVersion: true,
    });
  });

  it('refuses to save a value the schema does not allow, leaving the file alone', () => {
    const store = createElectronSettingsFile(dataFolder);
    store.write({ documentsSort: 'name', courtProfile: 'cit-training', allowCredentialStorage: true, mailboxes: [] });
    expect(() => store.write({ documentsSort: 'by-colour' } as unknown as Settings)).toThrow(
      expect.objectContaining({ code: 'settings.invalid' }),
    );
    expect(store.read()).toStrictEqual({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
  });
});
