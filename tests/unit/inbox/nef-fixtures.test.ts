import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { sharedFixture } from '../../support/paths';
import type { JuriscraperNotice } from './juriscraper-expectation';
import { actualFields, expectedFields } from './juriscraper-expectation';

/** A field where we deliberately differ from juriscraper: what we give instead, and why. */
interface NamedException {
  readonly field: string;
  readonly ours: unknown;
  readonly why: string;
}

const italicDropped =
  'juriscraper drops the italic part of a bankruptcy docket text (the words the filer added to the event name); we keep the text the court printed';
const bankruptcyRecipientsGlued =
  'juriscraper reads the bankruptcy recipient list (name line, then address line) as one nameless entry holding every address; we keep one entry per person';
const plainTextWrap =
  'documented in docs/court-rules.md#notice-format: in a Text-format NEF the case name wraps onto a second line and juriscraper keeps only the first, pushes the rest into the short description, and takes a recipient name for an address';
const noSubject =
  'a notice saved as its bare HTML body has no subject, which is where the short description comes from; we say it is unknown (null), juriscraper gives an empty string';
const namesKept =
  'this court lists who gets the notice by name only; juriscraper drops them, we keep them with no addresses';
const namesWithoutAddresses = [
  'Recipient User Test 1',
  'Recipient User Test 2',
  'Recipient U. Test 3',
  'Recipient U. Test 4',
  'Recipient U. Test 5',
  'Recipient U. Test',
].map((name) => ({ name, emails: [] }));

/**
 * Every notice juriscraper ships (MANIFEST.tsv kinds nef-eml, nda-eml, and nef-html-body: two notices saved as their
 * bare HTML body, with no headers), with our deliberate differences.
 */
const fixtures: readonly { path: string; extension?: 'txt' | 'html'; exceptions?: readonly NamedException[] }[] = [
  {
    path: 'nef/cacd',
    extension: 'html',
    exceptions: [{ field: 'dockets[0].shortDescription', ours: null, why: noSubject }],
  },
  {
    path: 'nef/cand',
    extension: 'html',
    exceptions: [
      { field: 'dockets[0].shortDescription', ours: null, why: noSubject },
      {
        field: 'recipients',
        ours: expect.arrayContaining([
          expect.objectContaining({ name: 'John F. Cove, Jr' }),
          expect.objectContaining({ name: 'Theodore J. Boutrous, Jr' }),
        ]),
        why: 'the court wraps these names before ", Jr"; we keep the comma the court printed, juriscraper drops it ("John F. Cove Jr")',
      },
    ],
  },
  {
    path: 'nef/s3/almd_3_plain',
    exceptions: [
      {
        field: 'court',
        ours: 'dcd',
        why: 'the file is a D.D.C. notice (USA v. Manafort, from DCD_ECFNotice@dcd.uscourts.gov); juriscraper takes the court from the file name',
      },
    ],
  },
  { path: 'nef/s3/alsd_1' },
  { path: 'nef/s3/ared_7' },
  { path: 'nef/s3/cacb_4' },
  { path: 'nef/s3/cand_3' },
  {
    path: 'nef/s3/casb_1',
    exceptions: [
      {
        field: 'dockets[0].docketText',
        ours: expect.stringContaining('with 341(a) meeting to be held on 1/28/2025'),
        why: italicDropped,
      },
      {
        field: 'recipients',
        ours: [
          { name: 'Leonard J. Ackerman', emails: ['ljabkatty@gmail.com', 'lja@trustesolutions.net'] },
          {
            name: 'FirstName LastName on behalf of Debtor Omar Jay Alegria',
            emails: ['a@gmail.com', 'user@recap.email', 'a@b.net'],
          },
          { name: 'United States Trustee', emails: ['ustp.region15@usdoj.gov'] },
        ],
        why: bankruptcyRecipientsGlued,
      },
    ],
  },
  {
    path: 'nef/s3/cob_1',
    exceptions: [
      {
        field: 'recipients',
        ours: [
          {
            name: 'Recipient_FirstName, Recipient_LastName on behalf of Debtor Delta, LLC',
            emails: ['recipient@example.com', 'recipient.example.com@recap.email'],
          },
          {
            name: 'Trustee First name Trustee Last Name on behalf of U.S. Trustee US Trustee',
            emails: ['trustee@usdoj.gov'],
          },
          { name: 'US Trustee', emails: ['USTPRegion19.DV.ECF@usdoj.gov'] },
        ],
        why: 'juriscraper finds no recipients in a Text-format bankruptcy NEF, where the name and the addresses sit on separate lines',
      },
    ],
  },
  {
    path: 'nef/s3/deb_1',
    exceptions: [
      {
        field: 'dockets[0].docketText',
        ours: expect.stringContaining('Declaration of Ordinary Course Professional Dickinson Wright PLLC'),
        why: italicDropped,
      },
      {
        field: 'recipients',
        ours: [
          { name: 'FirstName LastName on behalf of Creditor Broward County', emails: ['xx@bb.org', 'xx@bb.org'] },
          {
            name: 'FirstName LastName on behalf of Creditor Bank of America, N.A.',
            emails: ['yy@zz.com', 'yy@zz.com'],
          },
          { name: 'FirstName LastName on behalf of Interested Party Win Properties, Inc.', emails: [] },
        ],
        why: bankruptcyRecipientsGlued,
      },
    ],
  },
  { path: 'nef/s3/ded_1' },
  {
    path: 'nef/s3/flmd_1_plain',
    exceptions: [
      { field: 'dockets[0].caseName', ours: "Heartbeat of Miami, Inc. v. Jane's Revenge", why: plainTextWrap },
      {
        field: 'dockets[0].shortDescription',
        ours: 'Order on Motion for Extension of Time to File',
        why: plainTextWrap,
      },
      { field: 'recipients', ours: [{ name: 'User Test', emails: ['user@test.com'] }], why: plainTextWrap },
    ],
  },
  { path: 'nef/s3/ilnd_1' },
  { path: 'nef/s3/jpml_1' },
  { path: 'nef/s3/mdb_multi_1' },
  {
    path: 'nef/s3/njb_4',
    exceptions: [
      {
        field: 'recipients',
        ours: [
          { name: 'FirstName LastName on behalf of Plaintiff FirstName LastName', emails: ['aa@domain.com'] },
          { name: 'FirstName LastName on behalf of Plaintiff FirstName LastName', emails: ['bb@domain.com'] },
          {
            name: 'FirstName LastName on behalf of Other Prof. Golf & Tennis Pro Shops, Inc. (d/b/a/ PGA TOUR Superstore)',
            emails: ['person@firm.com', 'person@firm.com'],
          },
        ],
        why: `${bankruptcyRecipientsGlued}; it also names the second entry after the mailing address of a party served by mail`,
      },
    ],
  },
  {
    path: 'nef/s3/nysb_1',
    exceptions: [
      {
        field: 'dockets[0].docketText',
        ours: expect.stringContaining('Affidavit /Declaration of Debtor (related document(s)[50])'),
        why: italicDropped,
      },
    ],
  },
  { path: 'nef/s3/nysd_1' },
  { path: 'nef/s3/nysd_3' },
  { path: 'nef/s3/ohsd_3' },
  { path: 'nef/s3/oknd_1' },
  { path: 'nef/s3/ord_1' },
  { path: 'nef/s3/pawb_1' },
  { path: 'nef/s3/txnb_multi_1' },
  { path: 'nef/s3/txnd_1' },
  { path: 'nef/s3/txsd_1' },
  { path: 'nef/s3/txwd_2' },
  { path: 'nef/s3/vaed_1' },
  {
    path: 'nda/ca11_1',
    exceptions: [
      {
        field: 'dockets[0].shortDescription',
        ours: 'Motion filed Take Judicial Notice',
        why: 'we take the short description from the subject as for every other NDA; juriscraper gives the document description ("Appellant\'s Motion to Take Judicial Notice")',
      },
      { field: 'recipients', ours: namesWithoutAddresses, why: namesKept },
    ],
  },
  { path: 'nda/ca2_1' },
  { path: 'nda/ca2_6' },
  {
    path: 'nda/ca3_1',
    exceptions: [{ field: 'recipients', ours: namesWithoutAddresses, why: namesKept }],
  },
  { path: 'nda/ca5_1' },
  { path: 'nda/ca6_1' },
  { path: 'nda/ca9_4' },
  {
    path: 'nda/ca9_8',
    exceptions: [
      {
        field: 'hasAttachments',
        ours: true,
        why: 'ACMS lists the motion and its 27 exhibits as separate "Document:" links, each with its own one-use free look; juriscraper keeps only the first',
      },
      {
        field: 'recipients',
        ours: [{ name: 'User Example', emails: ['example@mail.com'] }],
        why: 'juriscraper does not read the ACMS "Name ; address" recipient line',
      },
    ],
  },
  {
    path: 'nda/cafc_1',
    exceptions: [
      {
        field: 'dockets[0].docketText',
        ours: expect.stringMatching(/^\*\*TEXT ONLY\*\* ORDER granting motion/),
        why: 'the court writes **TEXT ONLY**; juriscraper deletes the asterisks',
      },
    ],
  },
  { path: 'nda/cafc_2' },
];

describe("email notices from juriscraper's fixtures, field by field", () => {
  for (const { path, extension = 'txt', exceptions = [] } of fixtures) {
    const emailFile = sharedFixture(`nef/tests/examples/pacer/${path}.${extension}`);
    const expectationFile = sharedFixture(`nef/tests/examples/pacer/${path}.json`);
    const title =
      exceptions.length === 0
        ? `${path}: as juriscraper reads it`
        : `${path}: as juriscraper reads it, except ${exceptions.map((exception) => exception.field).join(', ')}`;
    it.skipIf(emailFile === null || expectationFile === null)(title, async () => {
      const notice = await parseNotice(readFileSync(emailFile!));
      const expected = expectedFields(JSON.parse(readFileSync(expectationFile!, 'utf8')) as JuriscraperNotice);
      const actual = actualFields(notice);
      for (const exception of exceptions) {
        expect(actual[exception.field], `${exception.field}: ${exception.why}`).toEqual(exception.ours);
        delete actual[exception.field];
        delete expected[exception.field];
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe('cand: every recipient of a 73-person list', () => {
  const emailFile = sharedFixture('nef/tests/examples/pacer/nef/cand.html');
  const expectationFile = sharedFixture('nef/tests/examples/pacer/nef/cand.json');
  it.skipIf(emailFile === null || expectationFile === null)(
    'matches juriscraper once its dropped commas before "Jr" are put back',
    async () => {
      const actual = actualFields(await parseNotice(readFileSync(emailFile!)))['recipients'] as { name: string }[];
      const expected = expectedFields(JSON.parse(readFileSync(expectationFile!, 'utf8')) as JuriscraperNotice)[
        'recipients'
      ] as { name: string }[];
      expect(actual.map((recipient) => ({ ...recipient, name: recipient.name.replace(', Jr', ' Jr') }))).toEqual(
        expected,
      );
    },
  );
});

/**
 * What juriscraper's JSON does not record: why an email was set aside, forwarding, re-sending, the document count.
 * ca9_8 has 28 "Document:" links (MANIFEST.tsv says 29; the email itself has 28).
 */
const noticeFacts: readonly { path: string; facts: Record<string, unknown>; documents: number }[] = [
  { path: 'nef/s3/cacb_4', facts: { kind: 'ignored', reason: 'claims-notice' }, documents: 0 },
  { path: 'nef/s3/ohsd_3', facts: { kind: 'ignored', reason: 'announcement' }, documents: 0 },
  { path: 'nef/s3/alsd_1', facts: { kind: 'nef', forwarded: true, regenerated: false }, documents: 0 },
  { path: 'nef/s3/txwd_2', facts: { kind: 'nef', forwarded: true, regenerated: false }, documents: 1 },
  { path: 'nef/s3/ared_7', facts: { kind: 'nef', forwarded: false }, documents: 4 },
  { path: 'nda/ca9_4', facts: { kind: 'nda', regenerated: true, isAcms: false }, documents: 0 },
  { path: 'nda/ca9_8', facts: { kind: 'nda', isAcms: true }, documents: 28 },
];

describe("what juriscraper's fixtures show beyond its JSON", () => {
  for (const { path, facts, documents } of noticeFacts) {
    const emailFile = sharedFixture(`nef/tests/examples/pacer/${path}.txt`);
    it.skipIf(emailFile === null)(`${path}: ${JSON.stringify(facts)}, ${documents} document(s)`, async () => {
      const notice = await parseNotice(readFileSync(emailFile!));
      expect(notice).toMatchObject(facts);
      expect(notice.attachments).toHaveLength(documents);
    });
  }

  const modifiedEntry = sharedFixture('nef/tests/examples/pacer/nef/s3/pawb_1.txt');
  it.skipIf(modifiedEntry === null)(
    'nef/s3/pawb_1: a modified entry is set aside but still names case 22-20823-GLT, entry 1194',
    async () => {
      const notice = await parseNotice(readFileSync(modifiedEntry!));
      expect(notice).toMatchObject({ kind: 'ignored', reason: 'modified-entry' });
      expect(notice.dockets[0]).toMatchObject({ caseNumber: '22-20823-GLT', caseId: '376948', deSeqNum: '1194' });
    },
  );
});
