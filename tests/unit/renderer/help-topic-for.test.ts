import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginHelpTopic } from '../../../src-main/shared/accounts';
import { filingHelp } from '../../../src-main/shared/court-help';
import { errorCodes, errorMeanings } from '../../../src-main/shared/errors';
import { findingCodes } from '../../../src-main/shared/preflight';
import { UPLOAD_MESSAGES } from '../../../src-main/training-court/upload-rules';
import {
  errorCodesWithoutCourtTopic,
  errorHelpTopics,
  findingHelpTopics,
  helpTopicForCourtWords,
  helpTopicForError,
  helpTopicForFinding,
  helpTopicForLogin,
  helpTopicForOutbox,
  helpTopicForRuleCheck,
} from '../../../src-renderer/help/help-topic-for';
import { projectRoot } from '../../support/paths';

const topicIds = new Set(filingHelp.map((topic) => topic.id));

/** Whether an error code's meaning involves the court: it names the court, PACER or a court FAQ item. */
function involvesTheCourt(meaning: string): boolean {
  return /\bcourt\b|court's|PACER|\bFAQ \d/i.test(meaning);
}

/**
 * The finding codes a preflight check can report as `block`, read from the checks themselves: a check file that
 * writes `severity: 'block'` (or a severity that can be 'block') reports its `code:` values that way.
 */
function blockingFindingCodes(): Set<string> {
  const folder = path.join(projectRoot, 'src-main', 'core', 'preflight', 'checks');
  const codes = new Set<string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(folder, file), 'utf8');
    if (!/severity: [^,\n]*'block'/.test(source)) {
      continue;
    }
    for (const match of source.matchAll(/\bcode: '([a-z-]+)'/g)) {
      codes.add(match[1] ?? '');
    }
  }
  return codes;
}

describe('every court error has a Help topic', () => {
  it('each error code whose meaning involves the court has a topic that exists, or is named as the app’s own setting', () => {
    const courtCodes = errorCodes.filter((code) => involvesTheCourt(errorMeanings[code]));
    // The filter finds the court's codes (a check on the check): these are certainly among them.
    expect(courtCodes).toEqual(expect.arrayContaining(['court.refused', 'court.unreachable', 'account.view-only']));
    for (const code of courtCodes) {
      const topic = errorHelpTopics[code];
      if (errorCodesWithoutCourtTopic.includes(code)) {
        expect(topic, code).toBeUndefined();
        continue;
      }
      expect(topic, `${code} (${errorMeanings[code]}) has no Help topic`).toBeDefined();
      expect(topicIds.has(topic ?? ''), `${code} → ${topic}`).toBe(true);
    }
  });

  it('every mapped code is a real error code and every topic it names exists', () => {
    for (const [code, topic] of Object.entries(errorHelpTopics)) {
      expect(errorCodes, code).toContain(code);
      expect(topicIds.has(topic), `${code} → ${topic}`).toBe(true);
    }
  });

  it('each preflight finding that can block has a topic that exists', () => {
    const blocking = blockingFindingCodes();
    // The scan of the checks finds the refusals the FAQ quotes (a check on the scan).
    expect([...blocking]).toEqual(expect.arrayContaining(['too-large', 'not-pdf', 'encrypted', 'active-content']));
    for (const code of blocking) {
      expect(findingCodes, code).toContain(code);
      const topic = helpTopicForFinding(code as (typeof findingCodes)[number]);
      expect(topic, `${code} can block but has no Help topic`).not.toBeNull();
      expect(topicIds.has(topic ?? ''), `${code} → ${topic}`).toBe(true);
    }
  });

  it('every finding topic named exists', () => {
    for (const [code, topic] of Object.entries(findingHelpTopics)) {
      if (topic !== null) {
        expect(topicIds.has(topic), `${code} → ${topic}`).toBe(true);
      }
    }
  });

  it('each login trouble has a Help screen topic that exists', () => {
    for (const trouble of loginHelpTopic.options) {
      expect(topicIds.has(helpTopicForLogin(trouble)), trouble).toBe(true);
    }
    expect(helpTopicForLogin('login-not-working')).toBe('logging-in');
    expect(helpTopicForLogin('account-not-upgraded')).toBe('pacer-account-for-filing');
  });

  it('each review check with a topic is a check the filing rules write, and its topic exists', () => {
    const rules = readFileSync(path.join(projectRoot, 'src-main', 'shared', 'filing-rules.ts'), 'utf8');
    const ids = [...rules.matchAll(/check\(\s*'([a-z.-]+)'/g)].map((match) => match[1] ?? '');
    const mapped = ids.filter((id) => helpTopicForRuleCheck(id) !== null);
    expect(mapped).toEqual(
      expect.arrayContaining(['service.certificate-missing', 'package.earlier-step-not-submitted', 'document.not-pdf']),
    );
    for (const id of mapped) {
      expect(topicIds.has(helpTopicForRuleCheck(id) ?? ''), id).toBe(true);
    }
    expect(helpTopicForRuleCheck('no.such-check')).toBeNull();
  });
});

describe('the court’s own words lead to the topic that quotes them', () => {
  it('each upload refusal of the court (FAQ 48–51) leads to the topic with that message', () => {
    for (const message of Object.values(UPLOAD_MESSAGES)) {
      const topic = filingHelp.find((candidate) => candidate.id === helpTopicForCourtWords(message));
      expect(topic?.courtMessage, message).toBe(message);
    }
  });

  it('a court.refused error names its precise topic, and a refusal in other words goes to the Help Desk', () => {
    expect(helpTopicForError('court.refused', UPLOAD_MESSAGES['too-large'])).toBe('file-over-50-mb');
    expect(helpTopicForError('court.refused', 'The case number is not valid.')).toBe('cmecf-help-desk');
  });

  it('the court’s system failing (HTTP 5xx) is FAQ 47; the court out of reach is FAQ 31', () => {
    expect(
      helpTopicForError('court.unreachable', "The court's system answered with an error (HTTP 503, FAQ 47)."),
    ).toBe('internal-server-error');
    expect(helpTopicForError('court.unreachable', 'The connection was reset.')).toBe('computer-fails-near-deadline');
  });

  it('an error of the app’s own has no topic', () => {
    expect(helpTopicForError('document.bad-name', 'The name holds a slash.')).toBeNull();
    expect(helpTopicForError('internal', 'Something failed.')).toBeNull();
  });
});

describe('what the outbox says leads to its topic', () => {
  it('a filing the court refused at the upload step leads to the topic of the court’s message', () => {
    const message = `The court did not accept the filing at the upload step: ${UPLOAD_MESSAGES['active-content']}`;
    expect(helpTopicForOutbox({ state: 'failed', message })).toBe('malformed-or-external-action');
    const encrypted = `The court did not accept the filing at the upload step: ${UPLOAD_MESSAGES.encrypted}`;
    expect(helpTopicForOutbox({ state: 'failed', message: encrypted })).toBe('security-measures-in-effect');
  });

  it('a failure in other words goes to the Help Desk; an unknown outcome to when a filing counts (FAQ 28)', () => {
    expect(helpTopicForOutbox({ state: 'failed', message: 'The draft has no case or event.' })).toBe('cmecf-help-desk');
    expect(helpTopicForOutbox({ state: 'needs-verification', message: 'The answer was lost.' })).toBe(
      'when-a-filing-is-due',
    );
  });

  it('a waiting filing says why: its package (FAQ 41), a login, or the court out of reach (FAQ 31)', () => {
    expect(
      helpTopicForOutbox({ state: 'ready', message: 'Waits for the earlier filings of its package (FAQ 41).' }),
    ).toBe('intervention-package');
    expect(
      helpTopicForOutbox({ state: 'ready', message: 'Log in with a filer account on the Accounts screen to send it.' }),
    ).toBe('logging-in');
    expect(
      helpTopicForOutbox({
        state: 'ready',
        message: 'The court is not reachable right now. ECF Desk will send it as soon as it can.',
      }),
    ).toBe('computer-fails-near-deadline');
    expect(
      helpTopicForOutbox({ state: 'ready', message: 'Queued. ECF Desk will send it as soon as it can.' }),
    ).toBeNull();
    expect(helpTopicForOutbox({ state: 'filed', message: null })).toBeNull();
  });

  it("a filing waiting for its signer's login, or not what was signed, is about signing (FAQ 35); one held as late, about due dates (FAQ 27)", () => {
    expect(
      helpTopicForOutbox({ state: 'ready', message: 'Signed by Jane Morgan; log in as jmorgan to send it.' }),
    ).toBe('signing-a-filing');
    expect(
      helpTopicForOutbox({
        state: 'failed',
        message: 'What would be sent is not what the attorney signed (a document changed), so nothing was sent.',
      }),
    ).toBe('signing-a-filing');
    expect(
      helpTopicForOutbox({ state: 'ready', message: 'It was due 2026-01-02; sent now…', isHeldAsLate: true }),
    ).toBe('when-a-filing-is-due');
  });
});
