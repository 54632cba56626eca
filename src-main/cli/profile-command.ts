import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { createFilingDriver } from '../core/court/filing-driver';
import { trainingCourtFilingProfile } from '../core/court/filing-profile';
import { requestLogin, type CourtFetch } from '../core/court/pacer-login';
import { readPageMap } from '../core/court/page-map';
import type { FilingPageReader } from '../core/court/read-filing-page';
import { describeError } from '../shared/describe-error';
import { openReaders } from './cli-support';
import { exitCodes } from './exit-codes';

/** `ecf-desk profile …`: its usage. */
export const profileUsage = `Usage:
  ecf-desk profile check PROFILE.json --court URL --login ID --case NUMBER --event EVENT --party ID
                         [--login-service URL] [--client-code CODE]

profile check
            Goes through a court's filing screens with a page map (PROFILE.json, as shipped or as
            written by hand), the way a filing would, up to the court's final docket text, and never
            through it: nothing is filed. The main document is a one-page PDF that says it is a test.
            Prints each screen as recognised and the final docket text the court shows. Use a court's
            training database. The password comes from ECF_DESK_PASSWORD (never the command line), a
            one-time passcode from ECF_DESK_OTP. Exit code: 0 the map reached the final text, 2 it
            stopped before it (where, and why), 3 could not run.

  --court URL          the court's CM/ECF address (https://ecf-train.<court>.uscourts.gov)
  --login-service URL  PACER's login service (default: the court's own /services/cso-auth)
  --event EVENT        the event's id in ECF Desk's catalog (its name is what the screens are searched for)
`;

/** A one-page PDF that says what it is, to upload as the main document of a check that is never filed. */
async function testDocument(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('ECF Desk profile check: a test document, never filed.', { x: 72, y: 700, size: 12, font });
  return pdf.save();
}

const plainFetch: CourtFetch = (url, init) => fetch(url, init);

/** Runs `profile check`; the exit code. */
export async function runProfileCommand(args: readonly string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  const fail = (message: string): number => {
    process.stderr.write(`${message}\n\n${profileUsage}`);
    return exitCodes.error;
  };
  if (subcommand !== 'check') {
    return fail(subcommand ? `Unknown profile command "${subcommand}".` : 'Name a profile command: check.');
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        court: { type: 'string' },
        'login-service': { type: 'string' },
        login: { type: 'string' },
        case: { type: 'string' },
        event: { type: 'string' },
        party: { type: 'string', multiple: true },
        'client-code': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(describeError(error).message);
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  const password = process.env['ECF_DESK_PASSWORD'] ?? '';
  if (!file || !values.court || !values.login || !values.case || !values.event || !values.party?.length) {
    return fail('Give PROFILE.json, --court, --login, --case, --event and --party.');
  }
  if (password === '') {
    return fail('Set ECF_DESK_PASSWORD to the login’s password (it is never taken from the command line).');
  }
  if (!URL.canParse(values.court) || !/^https?:$/.test(new URL(values.court).protocol)) {
    return fail(`--court must be an http(s) address, not "${values.court}".`);
  }
  const court = new URL(values.court).origin;

  let map;
  try {
    map = readPageMap(await readFile(file, 'utf8'));
  } catch (error) {
    return fail(`${file}: ${describeError(error).message}`);
  }
  const login = await requestLogin(plainFetch, values['login-service'] ?? `${court}/services/cso-auth`, {
    loginId: values.login,
    password,
    redactFlag: true,
    ...(process.env['ECF_DESK_OTP'] ? { otpCode: process.env['ECF_DESK_OTP'] } : {}),
    ...(values['client-code'] ? { clientCode: values['client-code'] } : {}),
  });
  if (login.kind !== 'logged-in') {
    process.stderr.write(`Could not log in as ${values.login}: ${JSON.stringify(login)}\n`);
    return exitCodes.error;
  }

  const readers = openReaders();
  const seen: string[] = [];
  const readPage: FilingPageReader = async (profileId, html, expected) => {
    const page = await readers.readFilingPage(profileId, html, expected);
    if (expected && expected.steps.length > 0) {
      seen.push(page.recognisedAs ?? (page.error !== null ? 'a refusal' : 'a page it does not recognise'));
    }
    return page;
  };
  const driver = createFilingDriver({
    baseUrl: court,
    profileId: 'cit-training',
    profile: trainingCourtFilingProfile,
    fetch: plainFetch,
    token: () => login.token,
    readPage,
    pageMap: map,
  });
  try {
    const [found] = await driver.findCases(values.case);
    if (!found) {
      process.stderr.write(`The court does not find case ${values.case}.\n`);
      return exitCodes.error;
    }
    const bytes = await testDocument();
    const result = await driver.file(
      {
        caseId: found.caseId,
        caseNumber: found.caseNumber,
        newAction: null,
        eventId: values.event,
        partyIds: values.party,
        documents: [{ name: 'profile-check.pdf', bytes, description: 'Main Document' }],
        relatedDocumentNumbers: [],
        annotation: '',
        caseData: [found.caseNumber, found.caption],
        // Nothing is confirmed: the driver stops at the final text, before the final submit, whatever it shows.
        confirmedDocketText: null,
      },
      () => Promise.reject(new Error('A profile check never reaches the final submit.')),
    );
    process.stdout.write(`Screens: ${seen.join(' → ')}\n`);
    if (result.kind === 'needs-confirmation') {
      process.stdout.write(`Reached the final text, and stopped there (nothing was filed):\n  ${result.docketText}\n`);
      return exitCodes.pass;
    }
    if (result.kind === 'needs-attention' || result.kind === 'refused') {
      process.stdout.write(`Stopped before the final submit, nothing filed: ${result.message}\n`);
      return exitCodes.block;
    }
    process.stderr.write('The check went past the final text: this must not happen.\n');
    return exitCodes.error;
  } catch (error) {
    process.stderr.write(`The check could not run: ${describeError(error).message}\n`);
    return exitCodes.error;
  } finally {
    await readers.close();
  }
}
