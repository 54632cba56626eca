import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/paths';

const require = createRequire(import.meta.url);

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: { add(key: string, value: unknown): void }): Promise<void>;
}

// electron-builder's own loader and schema, as `electron-builder` uses them before it packages anything.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule;
const debugLogger = { add: () => undefined };

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts, for the app as package.json names it', async () => {
    const config = await getConfig(projectRoot, null, null);
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'com.ecfdesk.app', productName: 'ECF Desk' });
    expect(config['asarUnpack']).toContain('**/*.node');
  });

  it('would refuse a configuration with an unknown key, so the check above means something', async () => {
    const config = await getConfig(projectRoot, null, null);
    await expect(validateConfiguration({ ...config, installerColour: 'blue' }, debugLogger)).rejects.toThrow(/installerColour/);
  });
});
