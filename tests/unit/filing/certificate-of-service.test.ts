import { describe, expect, it } from 'vitest';
import {
  describeServiceProblems,
  serviceInput,
  type ServiceInput,
} from '../../../src-main/shared/certificate-of-service';
import { certificateOfServicePdf } from '../../../src-main/core/filing/certificate-of-service';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import { qpdfCheck } from '../../support/fix-pdfs';
import { pdftotext } from '../../support/pdftotext';

/** The Brennan case of the training court: one party served through CM/ECF, the pro se plaintiff by mail. */
const brennan: ServiceInput = {
  court: 'United States Court of International Trade',
  caseNumber: '1:26-cv-00201-JAR',
  caption: 'Harold Brennan, Plaintiff, v. United States, Defendant.',
  documentTitle: "Defendant's Motion for Extension of Time",
  date: '2026-12-05',
  signer: {
    name: 'Thomas Walsh',
    firm: 'U.S. Department of Justice',
    address: 'P.O. Box 480, Ben Franklin Station\nWashington, DC 20044',
    email: 'thomas.walsh@usdoj.example',
  },
  parties: [
    { name: 'Harold Brennan', role: 'Plaintiff', method: 'mail', address: '18 Orchard Lane, Burlington, VT 05401' },
    { name: 'Acme Steel Corp.', role: 'Plaintiff-Intervenor', method: 'electronic' },
  ],
};

function problemsOf(input: unknown): string[] {
  const parsed = serviceInput.safeParse(input);
  return parsed.success ? [] : describeServiceProblems(parsed.error);
}

/** The text with every run of spaces and line breaks made one space, so a wrapped sentence reads as one. */
function textOf(bytes: Uint8Array): string {
  return pdftotext(bytes).replace(/\s+/g, ' ');
}

describe('the certificate of service input', () => {
  it('takes a complete certificate', () => {
    expect(problemsOf(brennan)).toEqual([]);
  });

  it('refuses a party served by mail without an address, naming the party', () => {
    const parties = [{ name: 'Harold Brennan', role: 'Plaintiff', method: 'mail' }];
    expect(problemsOf({ ...brennan, parties })).toEqual([
      'parties.0.address: Harold Brennan is served by mail, so give the mailing address it was sent to.',
    ]);
  });

  it('refuses hand delivery with an empty address', () => {
    const parties = [{ name: 'Harold Brennan', role: 'Plaintiff', method: 'hand', address: '  ' }];
    expect(problemsOf({ ...brennan, parties })).toEqual([
      'parties.0.address: Harold Brennan is served by hand, so give the address it was delivered to.',
    ]);
  });

  it('refuses a day that does not exist and a date in another form', () => {
    expect(problemsOf({ ...brennan, date: '2026-02-30' })).toEqual([
      'date: The date is not a real day written YYYY-MM-DD (such as 2026-12-05).',
    ]);
    expect(problemsOf({ ...brennan, date: '12/05/2026' })).toHaveLength(1);
  });

  it('refuses no parties, too many parties, unknown fields and an unknown method', () => {
    expect(problemsOf({ ...brennan, parties: [] })).toEqual(['parties: List at least one party served.']);
    const many = Array.from({ length: 201 }, (_, index) => ({ name: `P${index}`, role: '', method: 'electronic' }));
    expect(problemsOf({ ...brennan, parties: many })).toEqual(['parties: A certificate lists at most 200 parties.']);
    expect(problemsOf({ ...brennan, judge: 'JAR' })).toEqual([expect.stringContaining('judge')]);
    expect(problemsOf({ ...brennan, parties: [{ name: 'Harold Brennan', role: '', method: 'pigeon' }] })[0]).toMatch(
      /^parties\.0\.method: /,
    );
  });

  it('bounds every string, and says which and how long', () => {
    expect(problemsOf({ ...brennan, caption: 'v'.repeat(501) })).toEqual([
      'caption: The caption is longer than 500 characters.',
    ]);
    expect(problemsOf({ ...brennan, signer: { ...brennan.signer, name: ' ' } })).toEqual([
      'signer.name: The signer’s name is empty.',
    ]);
  });
});

describe('certificateOfServicePdf', () => {
  it('writes the court, caption, title, date and each party with how it was served, as real text', async () => {
    const bytes = await certificateOfServicePdf(brennan);
    const text = textOf(bytes);
    expect(text).toContain('UNITED STATES COURT OF INTERNATIONAL TRADE');
    expect(text).toContain('Court No. 1:26-cv-00201-JAR');
    expect(text).toContain('CERTIFICATE OF SERVICE');
    expect(text).toContain("on December 5, 2026, I served the foregoing Defendant's Motion for Extension of Time");
    expect(text).toContain('Harold Brennan (Plaintiff), by first-class mail to 18 Orchard Lane, Burlington, VT 05401.');
    expect(text).toContain("Acme Steel Corp. (Plaintiff-Intervenor), through the court's CM/ECF system.");
    expect(text).toContain('/s/ Thomas Walsh');
    expect(text).toContain('Washington, DC 20044');
    expect(text).toContain('thomas.walsh@usdoj.example');
  });

  it('passes preflight and qpdf --check, with no document properties to warn about', async () => {
    const bytes = await certificateOfServicePdf(brennan);
    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('pass');
    expect(report.findings.map((finding) => finding.code)).not.toContain('metadata');
    expect(report.pages).toBe(1);
    expect(qpdfCheck(bytes)).toBe(0);
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/(Title|Author|Producer|Creator|CreationDate)\b/);
  });

  it('gives the same bytes for the same input', async () => {
    expect(
      Buffer.from(await certificateOfServicePdf(brennan)).equals(Buffer.from(await certificateOfServicePdf(brennan))),
    ).toBe(true);
  });

  it('continues onto further pages for 60 parties, every name on a page, and still passes preflight', async () => {
    const parties = Array.from({ length: 60 }, (_, index) => ({
      name: `Importer Number ${index + 1} Holdings`,
      role: 'Defendant-Intervenor',
      method: index % 3 === 0 ? ('mail' as const) : ('electronic' as const),
      ...(index % 3 === 0 ? { address: `${100 + index} Harbor Road, Suite ${index}, Long Beach, CA 90802` } : {}),
    }));
    const bytes = await certificateOfServicePdf({ ...brennan, parties });
    const report = await preflightPdf(bytes);
    expect(report.verdict).toBe('pass');
    expect(report.pages).toBeGreaterThan(2);
    const text = textOf(bytes);
    for (const party of parties) {
      expect(text).toContain(`${party.name} (Defendant-Intervenor)`);
    }
    expect(text).toContain('/s/ Thomas Walsh');
    expect(qpdfCheck(bytes)).toBe(0);
  });

  it('wraps a long caption and address within the margins instead of running off the page', async () => {
    const address = 'Building 7, '.repeat(20) + 'Burlington, VT 05401';
    const bytes = await certificateOfServicePdf({
      ...brennan,
      caption: 'A Very Long Caption Word '.repeat(15),
      parties: [{ name: 'Harold Brennan', role: 'Plaintiff', method: 'hand', address }],
    });
    const lines = pdftotext(bytes).split('\n');
    // At 12-point Times a line of 6.5 inches holds about 90 characters; nothing may be cut off at the right edge.
    expect(Math.max(...lines.map((line) => line.trimEnd().length))).toBeLessThan(110);
    expect(textOf(bytes)).toContain('Burlington, VT 05401.');
  });

  it('writes a name with letters the standard fonts lack without failing', async () => {
    const bytes = await certificateOfServicePdf({
      ...brennan,
      parties: [{ name: 'Zoë Łukasz Ōta', role: 'Plaintiff', method: 'electronic' }],
    });
    expect(textOf(bytes)).toContain('Zoë ?ukasz Ota');
  });
});
