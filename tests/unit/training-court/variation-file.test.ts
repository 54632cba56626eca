import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makePdf } from '../../support/synthetic-pdfs';
import { CourtClient, startTestCourt } from '../../support/training-court';

// A court the app starts itself is made to differ by `variation.json` in its data folder (docs/court-pages.md#court-variations).

let folder = '';
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  await rm(folder, { recursive: true, force: true });
});

async function courtWith(variation: string) {
  folder = await mkdtemp(path.join(tmpdir(), 'ecf-court-variation-'));
  await writeFile(path.join(folder, 'variation.json'), variation);
  const court = await startTestCourt({ dataFolder: folder, pdfInIframe: false });
  stop = () => court.close();
  const client = new CourtClient(court.url);
  await client.loginAs('jmorgan');
  return client;
}

const motion = async () => ({
  caseId: 1017,
  eventId: 'motion-to-stay',
  partyIds: ['acme'],
  main: { name: 'motion.pdf', bytes: await makePdf(1) },
});

describe('the variation kept in the court’s data folder', () => {
  it('asks the case first when the file says so', async () => {
    const client = await courtWith('{"caseFirst": true}');
    const result = await client.file(await motion());
    expect(result.kind).toBe('nef-receipt');
    expect(result.screens.slice(0, 2)).toEqual(['filing-case', 'filing-events']);
  });

  it('shows its own notice once when a screen is posted, and handles that screen when it is posted again', async () => {
    const client = await courtWith('{"noticeAt": "documents"}');
    const stopped = await client.file(await motion());
    expect(stopped.kind).toBe(null);
    expect(stopped.html).toContain('Notice to Filers');
    expect(stopped.step).toBe('documents');
    const filed = await client.file(await motion());
    expect(filed.kind).toBe('nef-receipt');
  });

  it('refuses to start on a file it cannot read, saying which and why', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ecf-court-variation-'));
    await writeFile(path.join(folder, 'variation.json'), '{"caseFirst": "sometimes"}');
    await expect(startTestCourt({ dataFolder: folder })).rejects.toThrow(
      /variation\.json: caseFirst must be true or false/,
    );
    await writeFile(path.join(folder, 'variation.json'), 'case first');
    await expect(startTestCourt({ dataFolder: folder })).rejects.toThrow(/variation\.json is not JSON/);
  });
});
