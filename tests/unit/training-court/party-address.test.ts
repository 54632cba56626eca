import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFilingPage } from '../../../src-main/core/court/read-filing-page';
import { mailingAddressOf } from '../../../src-main/training-court/seed';
import { runBounded } from '../../support/bounded-process';
import { testPageReaderPath } from '../../support/paths';
import { CourtClient, startTestCourt } from '../../support/training-court';

type Court = Awaited<ReturnType<typeof startTestCourt>>;
let court: Court;
let walsh: CourtClient;
let scratch = '';

beforeAll(async () => {
  court = await startTestCourt();
  walsh = new CourtClient(court.url);
  await walsh.loginAs('twalsh');
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-party-address-'));
});
afterAll(async () => {
  await court.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe("the training court's party list (FAQ 37–38)", () => {
  it('serves the mailing address of the pro se party not served electronically, and none for the others', async () => {
    const html = await (await walsh.get('/cgi-bin/qryParties.pl?1031')).text();
    expect(readFilingPage('cit-training', html).parties).toEqual([
      {
        id: 'brennan',
        name: 'Harold Brennan',
        role: 'Plaintiff',
        isServedElectronically: false,
        counsel: [],
        address: '18 Orchard Lane, Burlington, VT 05401',
      },
      {
        id: 'us-1031',
        name: 'United States',
        role: 'Defendant',
        isServedElectronically: true,
        counsel: ['Walsh, Thomas'],
      },
    ]);
  });

  it("names each party's counsel of record as CM/ECF prints them, so a filer who is not counsel can be told", async () => {
    const html = await (await walsh.get('/cgi-bin/qryParties.pl?1017')).text();
    expect(readFilingPage('cit-training', html).parties.map(({ id, counsel }) => ({ id, counsel }))).toEqual([
      { id: 'acme', counsel: ['Morgan, Jane', 'Patel, Riya'] },
      { id: 'us-1017', counsel: ['Walsh, Thomas'] },
    ]);
  });

  it('a party row without a counsel cell leaves counsel unknown, not empty', () => {
    const row =
      '<tr class="party" data-party-id="p1" data-e-service="yes"><td>Pat</td><td>Plaintiff</td><td>Electronic</td></tr>';
    expect(readFilingPage('cit-training', row).parties[0]).not.toHaveProperty('counsel');
  });

  it('writes a pro se address on one line, without its first line when that only repeats the name', () => {
    const party = { id: 'p', name: 'Pat Importer', role: 'Plaintiff', attorneyIds: [] };
    expect(
      mailingAddressOf({ ...party, proSe: { email: null, addressLines: ['Pat Importer', '1 Dock St', 'Erie, PA'] } }),
    ).toBe('1 Dock St, Erie, PA');
    expect(mailingAddressOf({ ...party, proSe: { email: null, addressLines: [] } })).toBeNull();
    expect(mailingAddressOf({ ...party, proSe: null })).toBeNull();
  });
});

describe("reading a party's mailing address stays bounded", () => {
  const row = (address: string): string =>
    `<tr class="party" data-party-id="p1" data-e-service="no"><td>Pat</td><td>Plaintiff</td><td>Other means</td><td class="address">${address}</td></tr>`;

  it('reads an address of up to 500 characters and ignores a longer one (the row itself is still read)', () => {
    expect(readFilingPage('cit-training', row('a'.repeat(500))).parties[0]?.address).toBe('a'.repeat(500));
    const [long] = readFilingPage('cit-training', row('a'.repeat(501))).parties;
    expect(long).toMatchObject({ id: 'p1', name: 'Pat' });
    expect(long).not.toHaveProperty('address');
  });

  it('reads 100,000 address cells that never close in linear time', async () => {
    const file = path.join(scratch, 'unclosed-addresses.html');
    const start =
      '<tr class="party" data-party-id="p1" data-e-service="no"><td>Pat</td><td>Plaintiff</td><td>x</td><td class="address">';
    await writeFile(file, `${start}${'a'.repeat(400)}`.repeat(100_000));
    const run = await runBounded(testPageReaderPath, ['filing-page', file], { timeoutMs: 30_000 });
    expect(run.isKilledForTime, 'reading the page was still running after 30 s').toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { matches: { partyRow: number } }).matches.partyRow).toBe(100_000);
  });
});
