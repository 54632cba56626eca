import {
  startThrowawayPostgres,
  whyPostgresCannotRun,
  type ThrowawayPostgres,
} from '../../src-main/firm-server/throwaway-postgres';

export type { PostgresStandby } from '../../src-main/firm-server/throwaway-postgres';
import { skipWithoutService } from './test-services';

const names = { service: 'The PostgreSQL test cluster', tests: 'PostgreSQL tests' };

/** A throwaway PostgreSQL cluster for one test file (src-main/firm-server/throwaway-postgres.ts). */
export type PostgresTestCluster = ThrowawayPostgres;

/**
 * Starts a throwaway cluster, with fsync off. Returns null, after one plain line saying why, where it cannot run;
 * throws instead when ECF_DESK_REQUIRE_TEST_SERVICES=1.
 */
export async function startPostgresTestCluster(): Promise<PostgresTestCluster | null> {
  const reason = await whyPostgresCannotRun();
  return reason === null ? startThrowawayPostgres() : skipWithoutService(names, reason);
}
