import { readFileSync } from 'node:fs';
import { trainingCourtFilingProfile } from '../../../src-main/core/court/filing-profile';
import { readFilingPage } from '../../../src-main/core/court/read-filing-page';
import { readCourtPage } from '../../../src-main/core/inbox/free-look/read-court-page';

/**
 * Reads one saved court page and prints what was read, as JSON: `court-page` the way the free-look fetcher reads it,
 * `filing-page` with every page pattern of the training court's filing profile and the page as the driver reads it. A test runs this in a child process
 * so that a reader which stalls on hostile HTML is killed, not the test runner.
 */
const [reader = '', pageFile = '', pageUrl = 'https://ecf.cit.uscourts.gov/doc1/0141000123'] = process.argv.slice(2);
const html = readFileSync(pageFile, 'utf8');
if (reader === 'court-page') {
  process.stdout.write(`${JSON.stringify({ page: readCourtPage(html, pageUrl) })}\n`);
} else if (reader === 'filing-page') {
  const matches = Object.entries(trainingCourtFilingProfile.pages).map(([name, pattern]) => [
    name,
    pattern.global ? [...html.matchAll(pattern)].length : (pattern.exec(html)?.[1] ?? null),
  ]);
  process.stdout.write(
    `${JSON.stringify({ matches: Object.fromEntries(matches), page: readFilingPage('cit-training', html) })}\n`,
  );
} else {
  process.stderr.write(`Unknown reader "${reader}": court-page or filing-page.\n`);
  process.exit(2);
}
