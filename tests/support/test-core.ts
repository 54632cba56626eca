import type { CoreServices, CoreServicesOptions } from '../../src-main/core/app-services';
import { createCoreServices } from '../../src-main/core/app-services';
import { createSettingsFile } from '../../src-main/core/storage/settings-file';
import { createInProcessReaders } from './in-process-readers';
import { createMemorySecretStore } from './memory-secret-store';

/** Core as both hosts build it, in process, over a data folder: PDFs read and checked in process, a keychain in memory. */
export function createTestCore(dataFolder: string, overrides: Partial<CoreServicesOptions> = {}): CoreServices {
  return createCoreServices({
    dataFolder,
    host: 'browser',
    version: '0.0.0',
    settingsFile: createSettingsFile(dataFolder),
    fileChooser: { choosePdfs: async () => [] },
    readers: createInProcessReaders(),
    emit: () => undefined,
    secretStore: createMemorySecretStore(),
    ...overrides,
  });
}
