import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice, type ParsedNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { sharedFixture } from '../../support/paths';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';
import { citNotice } from '../inbox/sources/cit-notice';
import {
  buildMessage,
  districtCaseTable,
  districtNefBody,
  districtRecipients,
  documentEntry,
} from '../inbox/synthetic-notices';

/**
 * Mutated notices for the notice parser: the real NEFs and NDAs of ../shared (juriscraper's fixtures) when present,
 * and notices built in code (synthetic-notices.ts), with bytes flipped, cut short, markup injected (tags, quotes,
 * comments, raw-text elements, field labels) or a piece repeated hundreds of thousands of times. Whatever the
 * input, `parseNotice` resolves or rejects with an ordinary Error, and what it returns stays bounded: at most
 * 1,000 cases, docket texts of at most 20,000 characters (and the cut mark), and no more text than a small multiple
 * of the input. Fixed seeds: a failure names its seed and case.
 */
const maxCases = 1_000;
const longestDocketText =
  20_000 + ' […] (cut: ECF Desk keeps the first 20,000 characters of a docket text; the notice has the rest)'.length;

const realNotices = (() => {
  const folders = ['nef/tests/examples/pacer/nef', 'nef/tests/examples/pacer/nef/s3', 'nef/tests/examples/pacer/nda'];
  return folders.flatMap((relative) => {
    const folder = sharedFixture(relative);
    if (folder === null) {
      return [];
    }
    return readdirSync(folder)
      .filter((name) => /\.(txt|html)$/.test(name))
      .map((name) => ({ name, bytes: readFileSync(path.join(folder, name)) }));
  });
})();

function multiCaseNotice(): string {
  const tables = [1, 2, 3].map((index) =>
    districtCaseTable({
      caseName: `In re Steel Imports ${index}`,
      caseNumber: `1:26-cv-0012${index}-MMB`,
      docketUrl: `https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?${index}`,
      filer: 'Acme Steel Corp.',
      documentNumber: String(index + 10),
      documentUrl:
        index === 1
          ? `https://ecf.cit.uscourts.gov/doc1/0141000012?caseid=${index}&de_seq_num=30&magic_num=4711`
          : `https://ecf.cit.uscourts.gov/doc1/0141000012?caseid=${index}&de_seq_num=30&magic_num=MAGIC`,
      docketText: 'ORDER consolidating cases. Response due by 12/15/2026. (Doe, Jane)',
    }),
  );
  return buildMessage(
    {
      From: 'cmecf_notice@cit.uscourts.gov',
      Subject: 'Activity in Case 1:26-cv-00121-MMB In re Steel Imports 1 Order',
      'Content-Type': ' text/html',
    },
    districtNefBody({
      court: 'United States Court of International Trade',
      transaction:
        'The following transaction was entered  by Doe, Jane  on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      tables,
      recipients: districtRecipients('1:26-cv-00121-MMB', [
        { name: 'Jane Doe', emails: ['jdoe@example.com', 'docketing@example.com'] },
        { name: 'John Roe', emails: ['jroe@example.gov'] },
      ]),
      documents: documentEntry('Main Document', '1008691343', '3/2/2026', '28116328-0'),
    }),
  );
}

function plainTextNotice(): string {
  return buildMessage(
    {
      From: 'cmecf_notice@cit.uscourts.gov',
      Subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Order',
      'Content-Type': ' text/plain',
    },
    [
      'Notice of Electronic Filing',
      '',
      'The following transaction was entered by Doe, Jane on 3/2/2026 at 4:06 PM EST and filed on 3/2/2026',
      'Case Name:           Acme Steel Corp. v. United States',
      'Case Number:         1:26-cv-00123-MMB https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?17',
      'Filer:               Acme Steel Corp.',
      'Document Number:     7',
      'Copy the URL address from the line below into the location bar of your Web browser to view the document:',
      'https://ecf.cit.uscourts.gov/doc1/0141000007?caseid=17&de_seq_num=70&magic_num=4711',
      '',
      'Docket Text:',
      'ORDER granting [6] Motion for Extension of Time. <b>Response due by 4/1/2026.</b> (Doe, Jane)',
      '',
      '1:26-cv-00123-MMB Notice has been electronically mailed to:',
      '',
      'Jane Doe     jdoe@example.com, docketing@example.com',
      '',
      '1:26-cv-00123-MMB Notice has been delivered by other means to:',
    ].join('\r\n'),
  );
}

const syntheticNotices = [
  { name: 'synthetic CIT NEF', bytes: Buffer.from(citNotice(7)) },
  { name: 'synthetic multi-case NEF', bytes: Buffer.from(multiCaseNotice()) },
  { name: 'synthetic Text-format NEF', bytes: Buffer.from(plainTextNotice()) },
];

const injections = [
  '<',
  '>',
  '"',
  "'",
  '<!--',
  '-->',
  '<!-->',
  '<script>',
  '</script>',
  '<style>',
  '<head>',
  '</head>',
  '<xml>',
  '<title>',
  '<a href="https://ecf.cit.uscourts.gov/doc1/1">',
  '</a>',
  '<tr><td>',
  '</td></tr>',
  '<br>',
  '<p>',
  '&amp;',
  '&#',
  '<![CDATA[',
  '<!DOCTYPE x>',
  '\r\n\r\n',
  '\r\nContent-Type: text/plain\r\n',
  'Case Name: ',
  'Docket Text: ',
  'Case Number: 1:26-cv-00001',
  'Notice has been electronically mailed to:',
  'The following transaction was entered on 1/1/2026 ',
  'a@b.cc, ',
  '[STAMP dcecfStamp_ID=1 [Date=1/1/2026] [FileNumber=1-0] [ab]]',
];

function mutate(random: SeededRandom, original: Buffer): Buffer {
  const bytes = Buffer.from(original);
  switch (random.int(0, 3)) {
    case 0: {
      for (let flips = random.int(1, 20); flips > 0; flips -= 1) {
        bytes[random.int(0, bytes.length - 1)] = random.int(0, 255);
      }
      return bytes;
    }
    case 1:
      return bytes.subarray(0, random.int(0, bytes.length));
    case 2: {
      const at = random.int(0, bytes.length);
      const injected = Array.from({ length: random.int(1, 6) }, () => random.pick(injections)).join('');
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(injected), bytes.subarray(at)]);
    }
    default: {
      const from = random.int(0, bytes.length - 1);
      const piece = bytes.subarray(from, from + random.int(1, 40));
      return Buffer.concat([
        bytes.subarray(0, from),
        Buffer.from(piece.toString('latin1').repeat(random.int(1, 20)), 'latin1'),
        bytes.subarray(from),
      ]);
    }
  }
}

/** Repeats a piece of the notice, or an injected one, until it is 300 KB to 1.5 MB long. */
function floodOf(random: SeededRandom, original: Buffer): Buffer {
  const from = random.int(0, original.length - 1);
  const piece = random.chance(0.5)
    ? original.subarray(from, from + random.int(1, 60)).toString('latin1')
    : random.pick(injections);
  const flood = piece.repeat(Math.ceil(random.int(300_000, 1_500_000) / Math.max(1, piece.length)));
  return Buffer.concat([original.subarray(0, from), Buffer.from(flood, 'latin1'), original.subarray(from)]);
}

function totalTextLength(notice: ParsedNotice): number {
  const withoutDocketTexts = { ...notice, dockets: notice.dockets.map((docket) => ({ ...docket, docketText: null })) };
  return JSON.stringify(withoutDocketTexts).length;
}

async function checkParse(input: Buffer, context: string): Promise<void> {
  let notice: ParsedNotice;
  try {
    notice = await parseNotice(input);
  } catch (error) {
    expect(error, context).toBeInstanceOf(Error);
    return;
  }
  expect(notice.dockets.length, context).toBeLessThanOrEqual(maxCases);
  for (const docket of notice.dockets) {
    expect(docket.docketText?.length ?? 0, context).toBeLessThanOrEqual(longestDocketText);
  }
  // JSON escapes can double a character and a field can repeat a line: 8 times the input is a generous bound.
  expect(totalTextLength(notice), context).toBeLessThanOrEqual(8 * input.length + 4_096);
}

describe('the notice parser on mutated notices', () => {
  it.skipIf(realNotices.length === 0)(
    'real NEFs and NDAs of ../shared, each mutated 8 ways, are read or refused with an Error (seed 11)',
    async () => {
      const random = seededRandom(11);
      for (const notice of realNotices) {
        for (let index = 0; index < 8; index += 1) {
          await checkParse(mutate(random, notice.bytes), `seed 11, ${notice.name}, case ${index}`);
        }
      }
    },
  );

  it('notices built in code, each mutated 60 ways, are read or refused with an Error (seed 12)', async () => {
    const random = seededRandom(12);
    for (const notice of syntheticNotices) {
      for (let index = 0; index < 60; index += 1) {
        await checkParse(mutate(random, notice.bytes), `seed 12, ${notice.name}, case ${index}`);
      }
    }
  });

  it('notices flooded with one piece repeated to over a megabyte are read or refused with an Error (seed 13)', async () => {
    const random = seededRandom(13);
    const sources = [...syntheticNotices, ...realNotices.slice(0, 3)];
    for (let index = 0; index < 9; index += 1) {
      const notice = sources[index % sources.length] ?? syntheticNotices[0]!;
      await checkParse(floodOf(random, notice.bytes), `seed 13, ${notice.name}, case ${index}`);
    }
  });
});
