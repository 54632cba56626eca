import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { defaultSettings, settings, type Settings } from '../../shared/domain';
import { AppError } from '../errors';
import type { SettingsFile } from '../ports';
import { dataFileNames } from './app-data-folder';

type StoredSettings = Record<string, unknown>;

/**
 * The user's settings in `settings.json` inside the app data folder, through `conf`: the same file
 * and format electron-store (which wraps conf) uses in the desktop shell. A corrupt or invalid file
 * never stops the app: it is kept aside as `settings.json.corrupt-<time>` and the defaults apply.
 */
export function createSettingsFile(dataFolder: string): SettingsFile {
  const file = path.join(dataFolder, dataFileNames.settings);
  const options = {
    cwd: dataFolder,
    configName: path.parse(dataFileNames.settings).name,
    // Throwing SyntaxError for valid JSON that is not an object makes conf treat it like a corrupt file.
    deserialize: parseSettingsObject,
  };
  const conf = openConf();

  function openConf(): Conf<StoredSettings> {
    try {
      return new Conf<StoredSettings>(options);
    } catch (error) {
      // conf reads the file as it starts; a corrupt one would otherwise stop the app at launch.
      if (!(error instanceof SyntaxError)) {
        throw error;
      }
      setAside(file);
      return new Conf<StoredSettings>(options);
    }
  }

  function readStored(): StoredSettings {
    try {
      return conf.store;
    } catch (error) {
      if (!(error instanceof SyntaxError)) {
        throw error;
      }
      setAside(file);
      return {};
    }
  }

  return {
    read() {
      const stored = readStored();
      const parsed = settings.safeParse({ ...defaultSettings, ...stored });
      if (parsed.success) {
        return parsed.data;
      }
      setAside(file);
      return { ...defaultSettings };
    },
    write(next: Settings) {
      const parsed = settings.safeParse(next);
      if (!parsed.success) {
        throw new AppError(
          'settings.invalid',
          'These settings cannot be saved because one of them has a value ECF Desk does not know. Nothing was changed.',
        );
      }
      // Keys this version does not know (electron-store's own, or a newer version's) are kept, not dropped.
      // conf writes through `atomically` (temp file, fsync, rename), so a crash mid-write leaves the old file
      // whole; it writes in place only inside a Snap sandbox, a packaging this app does not use.
      conf.store = { ...readStored(), ...parsed.data };
    },
  };
}

function parseSettingsObject(text: string): StoredSettings {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError('The settings file does not hold a JSON object.');
  }
  return value as StoredSettings;
}

function setAside(file: string): void {
  if (!existsSync(file)) {
    return;
  }
  // Colons are not allowed in Windows file names, so the ISO time is made file-name safe.
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  renameSync(file, `${file}.corrupt-${stamp}`);
}
