import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src-main/shared/domain';
import { AppError } from '../../../src-main/core/errors';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import { useTempFolder } from './temp-folder';

describe('createSettingsFile', () => {
  const temp = useTempFolder();
  const settingsFile = (): string => path.join(temp.path, 'settings.json');
  const setAsideFiles = (): string[] =>
    readdirSync(temp.path).filter((name) => name.startsWith('settings.json.corrupt-'));

  it('starts from the defaults when there is no settings file', () => {
    expect(createSettingsFile(temp.path).read()).toEqual(defaultSettings);
  });

  it('reads back what it wrote, from settings.json, after a restart', () => {
    createSettingsFile(temp.path).write({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toEqual({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(createSettingsFile(temp.path).read()).toEqual({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
  });

  it('keeps the training court introduction dismissed after a restart; a file from before reads as not dismissed', () => {
    expect(createSettingsFile(temp.path).read().trainingIntroDismissed).toBeUndefined();
    const file = createSettingsFile(temp.path);
    file.write({ ...file.read(), trainingIntroDismissed: true });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({ trainingIntroDismissed: true });
    expect(createSettingsFile(temp.path).read().trainingIntroDismissed).toBe(true);
  });

  it('writes the tab-indented JSON electron-store writes, so the desktop shell reads the same file', () => {
    createSettingsFile(temp.path).write({
      documentsSort: 'size',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(readFileSync(settingsFile(), 'utf8')).toBe(
      '{\n\t"documentsSort": "size",\n\t"courtProfile": "cit-training",\n\t"allowCredentialStorage": true,\n\t"mailboxes": []\n}',
    );
  });

  it('fills in defaults for settings the file does not mention', () => {
    writeFileSync(settingsFile(), '{}');
    expect(createSettingsFile(temp.path).read()).toEqual(defaultSettings);
  });

  it('keeps keys it does not know when it writes', () => {
    writeFileSync(
      settingsFile(),
      JSON.stringify({ __internal__: { migrations: { version: '0.1.0' } }, fromNewerVersion: true }),
    );
    createSettingsFile(temp.path).write({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toEqual({
      __internal__: { migrations: { version: '0.1.0' } },
      fromNewerVersion: true,
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
  });

  it.each([
    ['cut off mid-write', '{"documentsSort": "na'],
    ['not JSON at all', '\u0000\u0000\u0000'],
    ['a JSON array', '["name"]'],
    ['JSON null', 'null'],
    ['a setting with an unknown value', '{"documentsSort": "colour"}'],
  ])('moves a settings file that is %s aside and starts from the defaults', (_label, content) => {
    writeFileSync(settingsFile(), content);
    const store = createSettingsFile(temp.path);
    expect(store.read()).toEqual(defaultSettings);
    const [setAside, ...others] = setAsideFiles();
    expect(others).toEqual([]);
    expect(setAside).toMatch(/^settings\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(path.join(temp.path, setAside ?? ''), 'utf8')).toBe(content);
  });

  it('recovers when the file is damaged while the app runs, and saves over it', () => {
    const store = createSettingsFile(temp.path);
    store.write({ documentsSort: 'size', courtProfile: 'cit-training', allowCredentialStorage: true, mailboxes: [] });
    writeFileSync(settingsFile(), '{ broken');
    expect(store.read()).toEqual(defaultSettings);
    expect(setAsideFiles()).toHaveLength(1);
    store.write({ documentsSort: 'name', courtProfile: 'cit-training', allowCredentialStorage: true, mailboxes: [] });
    expect(store.read()).toEqual({
      documentsSort: 'name',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
  });

  it('refuses to write invalid settings and leaves the file as it was', () => {
    const store = createSettingsFile(temp.path);
    store.write({ documentsSort: 'name', courtProfile: 'cit-training', allowCredentialStorage: true, mailboxes: [] });
    const before = readFileSync(settingsFile(), 'utf8');
    const invalid = {
      documentsSort: 'colour',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    } as unknown as Settings;
    expect(() => store.write(invalid)).toThrow(AppError);
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
  });

  it('does not create a settings file just by reading', () => {
    createSettingsFile(temp.path).read();
    expect(existsSync(settingsFile())).toBe(false);
  });
});
