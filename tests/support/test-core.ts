import type { CoreServices, CoreServicesOptions } from '../../src-main/core/app-services';
import { createCoreServices } from '../../src-main/core/app-services';
import { readPdfFacts } from '../../src-main/core/documents/read-pdf-facts';
import { createFileSettingsStore } from '../../src-main/core/storage/settings-file';
import { createInProcessFixer } from './in-process-fixer';
import { inProcessPreflighter } from './in-process-preflighter';
import { createMemorySecretStore } from './memory-secret-store';

/** Core as both hosts build it, in process, over a data folder: PDFs read and checked in process, a keychain in memory. */
export function createTestCore(dataFolder: string, overrides: Partial<CoreServicesOptions> = {}): CoreServices {
  return createCoreServices({
    dataFolder,
    host: 'browser',
    version: '0.0.0',
    settingsStore: createFileSettingsStore(dataFolder),
    fileChooser: { choosePdfs: async () => [] },
    pdfReader: { readFacts: readPdfFacts },
    preflighter: inProcessPreflighter,
    fixer: createInProcessFixer(),
    emit: () => undefined,
    secretStore: createMemorySecretStore(),
    ...overrides,
  });
}
