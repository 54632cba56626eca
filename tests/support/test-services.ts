/** How a throwaway service names itself when it cannot start. */
export interface TestServiceNames {
  /** The service, as a sentence's subject: "The IMAP test server". */
  readonly service: string;
  /** The tests that need it: "IMAP tests". */
  readonly tests: string;
}

/**
 * Where a throwaway service cannot run: one plain line saying why, and null, so its tests skip. CI installs every
 * such service and sets ECF_DESK_REQUIRE_TEST_SERVICES=1: there a missing one is a broken setup, and this throws.
 */
export function skipWithoutService(names: TestServiceNames, reason: string): null {
  if (process.env['ECF_DESK_REQUIRE_TEST_SERVICES'] === '1') {
    throw new Error(`${names.service} is required here but cannot start: ${reason}`);
  }
  process.stdout.write(`${names.tests} skipped: ${reason}\n`);
  return null;
}

export { freePort } from '../../src-main/firm-server/throwaway-postgres';
