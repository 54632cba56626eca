import path from 'node:path';
import ElectronStore from 'electron-store';
import { dataFileNames } from '../../core/storage/app-data-folder';
import { AppError } from '../../core/errors';
import type { SettingsFile } from '../../core/ports';
import { defaultSettings, settings, type Settings } from '../../shared/domain';

type StoredSettings = Record<string, unknown>;

/** Reads the file's JSON; anything but an object counts as corrupt (conf treats a SyntaxError that way). */
function parseSettingsObject(text: string): StoredSettings {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError('The settings file does not hold a JSON object.');
  }
  return value as StoredSettings;
}

/**
 * The user's settings through electron-store, in `settings.json` inside the app data folder: the same
 * file and format browser mode's conf store uses, so both hosts share one set of settings. A corrupt
 * file or an unknown value never stops the app: the defaults apply until the user saves again.
 * Secrets never go here (design: settings hold no secrets).
 */
export function createElectronSettingsFile(dataFolder: string): SettingsFile {
  const store = new ElectronStore<StoredSettings>({
    name: path.parse(dataFileNames.settings).name,
    cwd: dataFolder,
    deserialize: parseSettingsObject,
    clearInvalidConfig: true,
  });

  const readStored = (): StoredSettings => store.store;

  return {
    read() {
      const parsed = settings.safeParse({ ...defaultSettings, ...readStored() });
      return parsed.success ? parsed.data : { ...defaultSettings };
    },
    write(next: Settings) {
      const parsed = settings.safeParse(next);
      if (!parsed.success) {
        throw new AppError(
          'settings.invalid',
          'These settings cannot be saved because one of them has a value ECF Desk does not know. Nothing was changed.',
        );
      }
      // Keys this version does not know (a newer version's) are kept, not dropped.
      store.store = { ...readStored(), ...parsed.data };
    },
  };
}
