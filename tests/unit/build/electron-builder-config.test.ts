import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/paths';

const require = createRequire(import.meta.url);

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(
    config: Record<string, unknown>,
    debugLogger: { add(key: string, value: unknown): void },
  ): Promise<void>;
}
interface MinimatchModule {
  minimatch(path: string, pattern: string, options: { dot: boolean }): boolean;
}
interface UuidModule {
  UUID: { v5(name: string, namespace: unknown): string; parse(uuid: string): unknown };
}

// electron-builder's own loader and schema, as `electron-builder` uses them before it packages anything.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule;
// The glob matcher electron-builder itself resolves, with the options it matches asarUnpack with.
const requireFromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { minimatch } = requireFromBuilder('minimatch') as MinimatchModule;
const { UUID } = requireFromBuilder('builder-util-runtime') as UuidModule;
const debugLogger = { add: () => undefined };
const configFile = path.join(projectRoot, 'electron-builder.yml');

async function loadConfig(): Promise<Record<string, unknown>> {
  return getConfig(projectRoot, null, null);
}

function section(config: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = config[key];
  if (typeof value !== 'object' || value === null) {
    throw new Error(`electron-builder.yml has no ${key} section`);
  }
  return value as Record<string, unknown>;
}

function isUnpackedFromAsar(config: Record<string, unknown>, fileInApp: string): boolean {
  const patterns = config['asarUnpack'] as string[];
  return patterns.some((pattern) => minimatch(fileInApp, pattern, { dot: true }));
}

/** The native binaries a package ships, as paths inside the packaged app (`node_modules/...`). */
function nativeBinariesOf(packageFolderPattern: RegExp): string[] {
  const nodeModules = path.join(projectRoot, 'node_modules');
  const packageFolders = ['', ...readdirSync(nodeModules).filter((name) => name.startsWith('@'))]
    .flatMap((scope) => readdirSync(path.join(nodeModules, scope)).map((name) => (scope ? `${scope}/${name}` : name)))
    .filter((name) => packageFolderPattern.test(name));
  return packageFolders.flatMap((name) =>
    (readdirSync(path.join(nodeModules, name), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.node'))
      .map((file) => `node_modules/${name}/${file.split(path.sep).join('/')}`),
  );
}

/** Every key name in the configuration, at any depth. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(allKeys);
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
}

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts, for the app as package.json names it', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'com.ecfdesk.app', productName: 'ECF Desk' });
  });

  it('would refuse a configuration with an unknown key, so the check above means something', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration({ ...config, installerColour: 'blue' }, debugLogger)).rejects.toThrow(
      /installerColour/,
    );
  });

  it('sets every Electron fuse explicitly, closing each way to run other code in the app’s name', async () => {
    const config = await loadConfig();
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks the database, keychain and canvas native modules from the asar archive, as installed here and on the other systems', async () => {
    const config = await loadConfig();
    const sqlite = nativeBinariesOf(/^better-sqlite3$/);
    const keyring = nativeBinariesOf(/^@napi-rs\/keyring/);
    const canvas = nativeBinariesOf(/^@napi-rs\/canvas/);
    expect(sqlite).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(keyring.length).toBeGreaterThan(0);
    const otherSystems = [
      'node_modules/@napi-rs/keyring-win32-x64-msvc/keyring.win32-x64-msvc.node',
      'node_modules/@napi-rs/keyring-darwin-arm64/keyring.darwin-arm64.node',
      'node_modules/@napi-rs/keyring-darwin-x64/keyring.darwin-x64.node',
    ];
    for (const file of [...sqlite, ...keyring, ...canvas, ...otherSystems]) {
      expect(isUnpackedFromAsar(config, file), file).toBe(true);
    }
    expect(isUnpackedFromAsar(config, 'dist/shell/main.js')).toBe(false);
  });

  it('installs for every user of a Windows machine, assisted, with the documented silent switches', async () => {
    const config = await loadConfig();
    expect(config['win']).toMatchObject({ target: ['nsis', 'msi'] });
    expect(section(config, 'nsis')).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('gives the MSI a fixed upgrade code, so every later MSI upgrades the installed one in place', async () => {
    const config = await loadConfig();
    const msi = section(config, 'msi');
    expect(msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(msi['upgradeCode']).toBe('BE842A78-7389-5DB3-88C4-FDCCB303B4E5');
    // The value electron-builder would derive from the appId: builds made before it was written down agree.
    const derived = UUID.v5('com.ecfdesk.app', UUID.parse('d752fe43-5d44-44d5-9fc9-6dd1bf19d5cc')).toUpperCase();
    expect(msi['upgradeCode']).toBe(derived);
  });

  it('builds a signed, notarizable macOS app under the hardened runtime with the entitlements it ships', async () => {
    const config = await loadConfig();
    const mac = section(config, 'mac');
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect((mac['target'] as Array<{ target: string }>).map((entry) => entry.target)).toEqual(['dmg', 'pkg', 'zip']);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const entitlements = path.join(projectRoot, mac[key] as string);
      expect(existsSync(entitlements), key).toBe(true);
      const plist = readFileSync(entitlements, 'utf8');
      expect(plist).toContain('com.apple.security.cs.allow-jit');
      expect(plist).not.toContain('disable-library-validation');
    }
    expect(section(config, 'pkg')).toMatchObject({ installLocation: '/Applications', allowCurrentUserHome: false });
  });

  it('packages for Linux as AppImage, deb and rpm, filed under Office', async () => {
    const config = await loadConfig();
    const linux = section(config, 'linux');
    expect(linux['target']).toEqual(['AppImage', 'deb', 'rpm']);
    expect(linux).toMatchObject({ category: 'Office' });
    expect(linux['maintainer']).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(linux['synopsis']).toEqual(expect.any(String));
  });

  it('looks for updates on a generic server whose address the firm sets when building', async () => {
    const config = await loadConfig();
    expect(config['publish']).toEqual({ provider: 'generic', url: '${env.ECF_DESK_UPDATE_URL}' });
  });

  it('commits no signing secret: certificates and passwords come from the build machine’s environment', async () => {
    const config = await loadConfig();
    const keys = allKeys(config);
    for (const secretKey of ['cscLink', 'cscKeyPassword', 'cscInstallerLink', 'cscInstallerKeyPassword', 'identity']) {
      expect(keys).not.toContain(secretKey);
    }
    expect(keys.filter((key) => /password|secret|token|apikey|credential/i.test(key))).toEqual([]);
    const settingLines = readFileSync(configFile, 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'));
    expect(settingLines.filter((line) => /password|secret|token|BEGIN .*KEY|[A-Za-z0-9+/]{64,}/i.test(line))).toEqual(
      [],
    );
  });
});
