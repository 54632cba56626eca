import { onTestFinished } from 'vitest';
import { addToCaseTeam } from '../../src-main/core/firm/case-teams';
import { addUser } from '../../src-main/core/firm/firm-users';
import type { NefEntry } from '../../src-main/training-court/mail/nef-message';
import { addTestMailbox, storeCitNotice } from './firm-notices';
import { migratedFirmDatabase, startTestFirmServer } from './firm-server';
import type { PostgresTestCluster } from './postgres-cluster';

/** Case A, whose team is the paralegal. */
export const caseA = '1:26-cv-00123-MMB';
/** Case B, whose team is the attorney. */
export const caseB = '1:26-cv-00456-GWC';

/**
 * A firm server for one test (closed when it ends) with three users: a paralegal on case A, an attorney on case B, and
 * docketing staff (every case); `store` stores the CIT's notice of one entry of case A or B, each with its own free-look
 * number from `firstMagic` on.
 */
export async function firmWithTeams(cluster: PostgresTestCluster, firstMagic: number) {
  const database = await migratedFirmDatabase(cluster);
  const server = await startTestFirmServer(database);
  onTestFinished(async () => {
    await server.close();
    await database.close();
  });
  const paralegal = await addUser(database.pool, 'mchen', 'paralegal');
  const attorney = await addUser(database.pool, 'bobrien', 'attorney');
  const docketing = await addUser(database.pool, 'dana', 'docketing');
  // Typed without the judge's initials, as people write it: the notices' `…-MMB` is the same case.
  await addToCaseTeam(database.pool, '1:26-cv-00123', 'mchen');
  await addToCaseTeam(database.pool, caseB, 'bobrien');
  const mailboxId = await addTestMailbox(database.pool);
  let magic = firstMagic;
  const store = (entry: Partial<NefEntry> & { caseNumber: string; deSeqNum: number }) => {
    magic += 1;
    return storeCitNotice(
      database.pool,
      mailboxId,
      { caseId: entry.caseNumber === caseA ? 4821 : 5930, ...entry },
      String(magic),
    );
  };
  return { database, server, paralegal, attorney, docketing, store };
}
