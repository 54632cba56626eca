// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../src-main/shared/filing';
import { UPLOAD_MESSAGES } from '../../../src-main/training-court/upload-rules';
import {
  acmeCase,
  blankDraft,
  bridgeError,
  createFakeBridge,
  documentRecord,
  draftReview,
  loggedInSession,
  outboxStatus,
  pacerAccount,
  ruleCheck,
  savingKeychain,
  type FakeBridge,
} from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

/** The Help link inside an element, by the topic it opens. */
function helpLinkIn(element: HTMLElement, topicId: string): HTMLElement {
  const link = within(element)
    .queryAllByTestId('help-link')
    .find((each) => each.dataset.topicId === topicId);
  if (!link) {
    throw new Error(`no Help link to ${topicId} in ${element.textContent ?? ''}`);
  }
  return link;
}

/** After a Help link is used: the Help screen is shown and the topic's heading has the focus. */
async function expectHelpOpenAt(topicId: string): Promise<void> {
  await screen.findByTestId('help-screen');
  const topic = screen.getAllByTestId('help-topic').find((each) => each.dataset.topicId === topicId);
  expect(topic, topicId).toBeTruthy();
  await waitFor(() =>
    expect(document.activeElement).toBe(within(topic as HTMLElement).getByRole('heading', { level: 2 })),
  );
  expect(screen.getByRole('button', { name: 'Help' }).getAttribute('aria-current')).toBe('page');
}

async function openWizard(bridge: FakeBridge, draft: Draft): Promise<HTMLElement> {
  bridge.drafts.set(draft.id, draft);
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Filings' }));
  fireEvent.click(within(await screen.findByTestId('draft-row')).getByTestId('open-draft'));
  return screen.findByTestId('wizard');
}

function goToStep(step: number): void {
  const button = screen.getAllByTestId('wizard-step').find((each) => each.dataset.step === String(step));
  if (!button) {
    throw new Error(`no step ${step}`);
  }
  fireEvent.click(button);
}

describe('an error from the court links to its Help topic', () => {
  it('the court refusing a case search links to the Help Desk topic, which the link opens', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.findCases', () => {
      throw bridgeError('court.refused', 'The case number is not valid.');
    });
    await openWizard(bridge, blankDraft({ id: 'd1' }));
    fireEvent.change(screen.getByTestId('case-search'), { target: { value: '26-99999' } });
    fireEvent.submit(screen.getByRole('search'));

    const problem = await screen.findByTestId('case-search-problem');
    expect(problem.textContent).toContain('The case number is not valid.');
    const link = helpLinkIn(problem, 'cmecf-help-desk');
    expect(link.textContent).toBe('Help: Questions about filing: the CM/ECF Help Desk (FAQ 06)');

    fireEvent.click(link);
    await expectHelpOpenAt('cmecf-help-desk');
  });

  it('the banner links a court error to its topic (HTTP 503 is FAQ 47), and lands on it again when used twice', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.findCases', () => [acmeCase()]);
    bridge.answer('court.caseParties', () => {
      throw bridgeError('court.unreachable', "The court's system answered with an error (HTTP 503, FAQ 47).");
    });
    const wizard = await openWizard(bridge, blankDraft({ id: 'd1' }));
    fireEvent.change(within(wizard).getByTestId('case-search'), { target: { value: '26-00123' } });
    fireEvent.submit(within(wizard).getByRole('search'));
    fireEvent.click(await screen.findByTestId('case-result'));

    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('HTTP 503, FAQ 47');
    const link = helpLinkIn(banner, 'internal-server-error');
    expect(link.textContent).toContain('Help: The court’s system fails: “Internal Server Error” (FAQ 47)');

    fireEvent.click(link);
    await expectHelpOpenAt('internal-server-error');

    // The banner stays on the Help screen; its link lands on the topic again after the reader moved on.
    screen.getByTestId('help-search').focus();
    fireEvent.click(helpLinkIn(screen.getByTestId('error-banner'), 'internal-server-error'));
    await expectHelpOpenAt('internal-server-error');
  });

  it('a refused login links to the Help screen’s logging-in topic, where a lost CM/ECF password goes to the Help Desk (FAQ 16)', async () => {
    const bridge = createFakeBridge();
    bridge.answer('accounts.list', () => ({
      accounts: [pacerAccount({ id: 'a1', loginId: 'jmorgan' })],
      keychain: savingKeychain(),
    }));
    bridge.answer('session.login', () => ({
      outcome: 'refused',
      reason: 'invalid-credentials',
      message: 'PACER did not accept the username, password or 6-digit code.',
      courtMessage: 'Invalid username, password, or one-time passcode.',
      help: 'login-not-working',
    }));
    renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const loginButton = await screen.findByRole('button', { name: 'Log in as jmorgan' });
    loginButton.focus();
    fireEvent.click(loginButton);
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    const refusal = await screen.findByTestId('login-refusal');
    expect(within(refusal).getByTestId('login-help').textContent).toContain(
      'a lost CM/ECF password goes to the court’s CM/ECF Help Desk, at 1-866-450-1859',
    );
    fireEvent.click(helpLinkIn(refusal, 'logging-in'));

    await expectHelpOpenAt('logging-in');
    expect(screen.queryByTestId('login-dialog')).toBeNull();
  });

  it('a filing the court refused at the upload step links to the topic that quotes the court’s message (FAQ 49)', async () => {
    const bridge = createFakeBridge();
    bridge.answer('session.status', () => loggedInSession(pacerAccount({ id: 'a1', loginId: 'jmorgan' })));
    await openWizard(bridge, {
      ...blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint' }),
      outbox: outboxStatus({
        state: 'failed',
        message: `The court did not accept the filing at the upload step: ${UPLOAD_MESSAGES['active-content']}`,
      }),
    });

    const status = await screen.findByTestId('outbox-status');
    fireEvent.click(helpLinkIn(status, 'malformed-or-external-action'));
    await expectHelpOpenAt('malformed-or-external-action');
  });

  it('a review check from the court’s rules links to its topic: the certificate of service (FAQ 37–38)', async () => {
    const bridge = createFakeBridge();
    bridge.reviewDraft = (each) =>
      draftReview(each, {
        checks: [
          ruleCheck({
            id: 'service.certificate-missing',
            level: 'block',
            message: 'Not served electronically: Nucor Corp.',
            source: 'FAQ 37–38',
          }),
          ruleCheck({ id: 'motion.proposed-order-missing', level: 'block', message: 'No proposed order.' }),
        ],
      });
    await openWizard(bridge, blankDraft({ id: 'd1', case: acmeCase(), eventId: 'complaint' }));
    goToStep(6);

    const [service, order] = await screen.findAllByTestId('rule-check');
    expect(within(order as HTMLElement).queryByTestId('help-link')).toBeNull();
    fireEvent.click(helpLinkIn(service as HTMLElement, 'notices-and-service'));
    await expectHelpOpenAt('notices-and-service');
  });

  it('a preflight finding the court would refuse links to its topic: a locked PDF (FAQ 51)', async () => {
    renderApp(
      createFakeBridge([
        documentRecord({
          id: 'd1',
          name: 'Locked.pdf',
          preflight: {
            state: 'done',
            report: {
              bytes: 1,
              pages: 1,
              verdict: 'block',
              findings: [
                { code: 'encrypted', severity: 'block', message: 'Restrictions.', fixes: ['clean-copy'] },
                { code: 'fonts-not-embedded', severity: 'info', message: 'Fonts.' },
              ],
            },
          },
        }),
      ]),
    );
    const row = (await screen.findAllByTestId('document-row'))[0] as HTMLElement;
    fireEvent.click(row);

    const [encrypted, fonts] = await screen.findAllByTestId('finding');
    expect(within(fonts as HTMLElement).queryByTestId('help-link')).toBeNull();
    fireEvent.click(helpLinkIn(encrypted as HTMLElement, 'security-measures-in-effect'));
    await expectHelpOpenAt('security-measures-in-effect');
  });

  it('the inbox’s “I am not getting NEFs” links to who receives notices', async () => {
    renderApp(createFakeBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Inbox' }));
    const firstRun = await screen.findByTestId('inbox-first-run');
    fireEvent.click(helpLinkIn(firstRun, 'notices-and-service'));
    await expectHelpOpenAt('notices-and-service');
  });

  it('choosing Help on the rail afterwards opens the screen at its top, not at the last topic', async () => {
    renderApp(createFakeBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Inbox' }));
    fireEvent.click(helpLinkIn(await screen.findByTestId('inbox-first-run'), 'notices-and-service'));
    await expectHelpOpenAt('notices-and-service');

    fireEvent.click(screen.getByRole('button', { name: 'Documents' }));
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    await screen.findByTestId('help-screen');
    expect(document.activeElement?.tagName).not.toBe('H2');
  });
});
