import { createDraftsTable } from '../../../src-main/core/storage/drafts-table';
import { openDatabase } from '../../../src-main/core/storage/database';
import { createDraftsService } from '../../../src-main/core/filing/drafts-service';

/**
 * A process that edits one draft as fast as it can, through the real drafts service, and says after each save
 * which edit it saved. The crash test kills it at a random moment.
 */
const [databaseFile = '', draftId = ''] = process.argv.slice(2);
const table = createDraftsTable(openDatabase(databaseFile));
const drafts = createDraftsService({
  table,
  documents: () => [],
  clock: { now: () => new Date() },
  courtProfile: () => 'cit-training',
  onChange: () => undefined,
});
if (!table.find(draftId)) {
  table.put({ ...drafts.create(), id: draftId });
}
for (let edit = 1; ; edit += 1) {
  drafts.update(draftId, {
    docketAnnotation: `edit ${edit}`,
    signers: Array.from({ length: (edit % 5) + 1 }, (_, index) => ({
      name: `Signer ${index} of edit ${edit}`,
      firm: 'Firm',
      isFiler: index === 0,
    })),
  });
  process.stdout.write(`saved ${edit}\n`);
}
