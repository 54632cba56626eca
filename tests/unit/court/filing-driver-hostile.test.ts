import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFilingDriver, type FilingRequest } from '../../../src-main/core/court/filing-driver';
import { trainingCourtFilingProfile } from '../../../src-main/core/court/filing-profile';
import { readFilingPage } from '../../../src-main/core/court/read-filing-page';
import * as screens from '../../../src-main/training-court/filing-pages';
import * as pages from '../../../src-main/training-court/pages';
import { makePdf } from '../../support/synthetic-pdfs';

// A court that does not behave: the driver stops before the final submit, sends nothing it should not, and never
// follows a form or a link off the court. Each court here is a small loopback server answering as a hostile or broken
// CM/ECF might.

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

/** A court that answers every request with `answer(n)` (n counts requests from 0), and what it was asked. */
async function courtAnswering(answer: (request: number, path: string) => string) {
  const asked: { method: string; path: string }[] = [];
  server = createServer((request, response) => {
    asked.push({ method: request.method ?? '', path: request.url ?? '' });
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(answer(asked.length - 1, request.url ?? ''));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const driver = createFilingDriver({
    baseUrl: `http://127.0.0.1:${port}`,
    profileId: 'cit-training',
    profile: trainingCourtFilingProfile,
    fetch: (url, init) => fetch(url, init),
    token: () => 'token',
    readPage: async (profileId, html, expected) => readFilingPage(profileId, html, expected),
  });
  return { driver, asked };
}

const action = screens.transactionAction('123456789012345', 1);
const shown = (content: pages.PageContent) => pages.renderPage(content, 'filer');
const menu = shown(screens.categoriesPage([{ name: 'Notices', href: '/cgi-bin/Dispatch.pl?notices' }]));

async function appearance(): Promise<FilingRequest> {
  return {
    caseId: 1017,
    caseNumber: '1:26-cv-00123',
    newAction: null,
    eventId: 'form-11-notice-of-appearance',
    partyIds: ['us-1017'],
    documents: [{ name: 'a.pdf', bytes: await makePdf(1), description: 'Main Document' }],
    relatedDocumentNumbers: [],
    annotation: '',
    caseData: [],
    confirmedDocketText: 'anything',
  };
}

const neverCommits = () => Promise.reject(new Error('The driver reached the commit.'));

describe('the filing driver at a court that does not behave', () => {
  it('stops when the same screen keeps coming back, after a few tries, and posts nothing more', async () => {
    const documents = shown(screens.documentsPage(action, { attachmentsHere: true, asksForComplaint: false }));
    const { driver, asked } = await courtAnswering((n) => (n === 0 ? menu : documents));
    const result = await driver.file(await appearance(), neverCommits);
    expect(result).toMatchObject({ kind: 'needs-attention', step: 'documents' });
    expect(result.kind === 'needs-attention' && result.message).toMatch(
      /the documents page again, after it was filled in \(4 times\)/,
    );
    // The menu (no category link for the event here would stop it sooner): one GET, then the same screen at most 3 times.
    expect(asked.length).toBeLessThanOrEqual(5);
  });

  it('never follows a form that posts to another host, nor a menu link off the court', async () => {
    const offCourt = shown(screens.eventListPage('https://collector.example/steal', 'Notices', [], null)).replace(
      '<select id="event_list" name="event" size="12">',
      '<select id="event_list" name="event" size="12"><option value="x">Form 11 Notice of Appearance</option>',
    );
    const { driver, asked } = await courtAnswering((n) => (n === 0 ? menu : offCourt));
    const result = await driver.file(await appearance(), neverCommits);
    expect(result).toMatchObject({ kind: 'needs-attention', step: 'events' });
    expect(result.kind === 'needs-attention' && result.message).toMatch(
      /without a form with a Next button that stays on the court/,
    );
    expect(asked.every((request) => !request.path.includes('collector'))).toBe(true);

    const linkOff = shown(screens.categoriesPage([{ name: 'Notices', href: 'https://collector.example/notices' }]));
    const second = await courtAnswering(() => linkOff);
    const stopped = await second.driver.file(await appearance(), neverCommits);
    expect(stopped).toMatchObject({ kind: 'needs-attention', step: 'categories' });
    expect(second.asked).toHaveLength(1);
  });
});
