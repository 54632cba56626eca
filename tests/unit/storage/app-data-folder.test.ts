import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFileNames, resolveAppDataFolder } from '../../../src-main/core/storage/app-data-folder';

describe('resolveAppDataFolder', () => {
  it('uses ~/.config/ECF Desk on Linux when XDG_CONFIG_HOME is not set', () => {
    expect(resolveAppDataFolder({}, 'linux', '/home/pat')).toBe('/home/pat/.config/ECF Desk');
  });

  it('follows XDG_CONFIG_HOME on Linux, as Electron does', () => {
    expect(resolveAppDataFolder({ XDG_CONFIG_HOME: '/data/config' }, 'linux', '/home/pat')).toBe(
      '/data/config/ECF Desk',
    );
  });

  it('ignores an empty XDG_CONFIG_HOME', () => {
    expect(resolveAppDataFolder({ XDG_CONFIG_HOME: '' }, 'linux', '/home/pat')).toBe('/home/pat/.config/ECF Desk');
  });

  it('uses Application Support on macOS', () => {
    expect(resolveAppDataFolder({ XDG_CONFIG_HOME: '/ignored' }, 'darwin', '/Users/pat')).toBe(
      '/Users/pat/Library/Application Support/ECF Desk',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(resolveAppDataFolder({ APPDATA: 'C:\\Users\\pat\\AppData\\Roaming' }, 'win32', 'C:\\Users\\pat')).toBe(
      'C:\\Users\\pat\\AppData\\Roaming\\ECF Desk',
    );
  });

  it('falls back to AppData\\Roaming under the home folder on Windows when APPDATA is missing', () => {
    expect(resolveAppDataFolder({}, 'win32', 'C:\\Users\\pat')).toBe('C:\\Users\\pat\\AppData\\Roaming\\ECF Desk');
  });

  it('lets ECF_DESK_HOME win on every platform', () => {
    const env = { ECF_DESK_HOME: '/srv/ecf', XDG_CONFIG_HOME: '/data/config' };
    expect(resolveAppDataFolder(env, 'linux', '/home/pat')).toBe('/srv/ecf');
    expect(resolveAppDataFolder(env, 'darwin', '/Users/pat')).toBe('/srv/ecf');
    expect(resolveAppDataFolder({ ECF_DESK_HOME: 'D:\\ecf', APPDATA: 'C:\\x' }, 'win32', 'C:\\Users\\pat')).toBe(
      'D:\\ecf',
    );
  });

  it('makes a relative ECF_DESK_HOME absolute', () => {
    const resolved = resolveAppDataFolder({ ECF_DESK_HOME: 'relative/data' }, 'linux', '/home/pat');
    expect(path.posix.isAbsolute(resolved)).toBe(true);
    expect(resolved).toBe(path.posix.resolve('relative/data'));
  });
});

describe('dataFileNames', () => {
  it('names the files the design lists for the app data folder', () => {
    expect(dataFileNames).toEqual({
      settings: 'settings.json',
      database: 'ecf-desk.sqlite',
      documents: 'documents',
      logs: 'logs',
    });
  });
});
