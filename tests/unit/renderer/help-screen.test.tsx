// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { citHelpDesk, filingHelp, loginHelp, pacerServiceCenter } from '../../../src-main/shared/court-help';
import { ContactCard } from '../../../src-renderer/help/ContactCard';
import { HelpScreen } from '../../../src-renderer/help/HelpScreen';
import { describeClerksOfficeOpen, describeOfficeHours } from '../../../src-renderer/help/office-hours';
import { sharedFolder } from '../../support/paths';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'clipboard');
});

/** The court's error messages, copied by hand from the FAQ items that quote them (47 to 52). */
const courtMessages: Readonly<Record<string, string>> = {
  'FAQ 47': 'Internal Server Error',
  'FAQ 48': "You cannot load this file because it's over 50 Megabytes (MB)",
  'FAQ 49':
    'ERROR: Document is malformed or contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted.',
  'FAQ 50': 'ERROR: Document is not a well-formed PDF document',
  'FAQ 51':
    'ERROR: This document has security measures in effect, such as password protection or access restriction. This PDF document cannot be accepted.',
  'FAQ 52':
    'Security violation: You do not have access rights to this program (iquery.pl). Please contact the Systems Administrator if you feel this is in error. This access attempt has been logged.',
};

const faqFile = path.join(sharedFolder, 'court', 'cit-cmecf-faq.txt');
const hasFaqFile = existsSync(faqFile);
if (!hasFaqFile) {
  process.stdout.write(
    `${faqFile} is absent: the check against the court's own FAQ text is skipped; the hand-copied quotes are still checked.\n`,
  );
}

/** A winter weekday afternoon, when Eastern is UTC−5 and Pacific UTC−8. */
const winterDay = new Date('2025-01-15T18:00:00Z');

function topicElement(id: string): HTMLElement {
  const topic = screen.getAllByTestId('help-topic').find((element) => element.dataset.topicId === id);
  if (!topic) {
    throw new Error(`no help topic ${id}`);
  }
  return topic;
}

function shownTopicIds(): (string | undefined)[] {
  return screen.queryAllByTestId('help-topic').map((element) => element.dataset.topicId);
}

describe('the help topics', () => {
  it('cover the court’s FAQ answers a filer needs, in order, each with its FAQ number', () => {
    expect(filingHelp.map((topic) => [topic.id, topic.faq])).toEqual([
      ['cmecf-help-desk', 'FAQ 06'],
      ['pacer-service-center', 'FAQ 06'],
      ['logging-in', 'FAQ 14–18'],
      ['pacer-account-for-filing', 'FAQ 07, 11, 12, 22'],
      ['signing-a-filing', 'FAQ 12, 35'],
      ['leaving-a-firm', 'FAQ 13'],
      ['court-rules-and-forms', 'FAQ 03, 04, 34'],
      ['training-court', 'FAQ 04'],
      ['when-a-filing-is-due', 'FAQ 27, 28'],
      ['filing-after-hours', 'FAQ 30'],
      ['notices-and-service', 'FAQ 22, 25, 26, 36–38'],
      ['free-looks-and-fees', 'FAQ 20, 21, 23–25'],
      ['intervention-package', 'FAQ 41'],
      ['computer-fails-near-deadline', 'FAQ 31'],
      ['internal-server-error', 'FAQ 47'],
      ['correcting-a-filing', 'FAQ 32'],
      ['documents-not-filed-electronically', 'FAQ 33'],
      ['scanned-documents', 'FAQ 29, 42–44'],
      ['redaction-and-metadata', 'FAQ 45'],
      ['file-over-50-mb', 'FAQ 48'],
      ['malformed-or-external-action', 'FAQ 49'],
      ['not-a-well-formed-pdf', 'FAQ 50'],
      ['security-measures-in-effect', 'FAQ 51'],
      ['query-security-violation', 'FAQ 52'],
    ]);
    expect(new Set(filingHelp.map((topic) => topic.id)).size).toBe(filingHelp.length);
  });

  it('send computer trouble near a deadline to the Help Desk and the judge’s Case Manager (FAQ 31)', () => {
    const topic = filingHelp.find((candidate) => candidate.faq === 'FAQ 31');
    expect(topic?.contact).toBe(citHelpDesk);
    expect(topic?.paragraphs.join(' ')).toMatch(/Call the CM\/ECF Help Desk at once/);
    expect(topic?.paragraphs.join(' ')).toContain('Case Manager');
  });

  it('send a failure of the court’s system to Administrative Order 02-01, paragraph 10(a) (FAQ 47)', () => {
    const topic = filingHelp.find((candidate) => candidate.faq === 'FAQ 47');
    expect(topic?.paragraphs.join(' ')).toContain('paragraph 10(a) of the court’s Administrative Order 02-01');
  });
});

/** A topic's paragraphs as one text. */
function textOf(id: string): string {
  return filingHelp.find((topic) => topic.id === id)?.paragraphs.join(' ') ?? '';
}

/** The text of one FAQ item, from its number to the next item's. */
function faqItem(faqText: string, number: string): string {
  const start = faqText.indexOf(`${number}.`);
  const next = faqText.indexOf(`${String(Number(number) + 1).padStart(2, '0')}.`, start);
  return faqText.slice(start, next === -1 ? undefined : next);
}

describe('what the help says, item by item', () => {
  it('every topic carries the numbers of the FAQ items it answers, 01 to 52', () => {
    for (const topic of filingHelp) {
      expect(topic.faq, topic.id).toMatch(/^FAQ \d{2}(?:[–,] ?\d{2})*(?:, \d{2}(?:–\d{2})?)*$/);
      for (const number of topic.faq.match(/\d{2}/g) ?? []) {
        expect(Number(number), topic.id).toBeGreaterThanOrEqual(1);
        expect(Number(number), topic.id).toBeLessThanOrEqual(52);
      }
    }
  });

  it('a lost CM/ECF password goes to the court’s CM/ECF Help Desk, not PACER (FAQ 16); a PACER one to PACER (FAQ 17)', () => {
    const topic = filingHelp.find((candidate) => candidate.id === 'logging-in');
    expect(textOf('logging-in')).toContain(
      'If you have lost your CM/ECF password, contact the court’s CM/ECF Help Desk, not PACER (FAQ 16).',
    );
    expect(textOf('logging-in')).toContain('lost your PACER username or password, the PACER Service Center helps');
    expect([topic?.contact, topic?.alsoContact]).toEqual([pacerServiceCenter, citHelpDesk]);
    // The refusal of a login says so too, with the Help Desk's phone and email.
    const advice = loginHelp['login-not-working'].advice;
    expect(advice).toContain(
      'a lost CM/ECF password goes to the court’s CM/ECF Help Desk, at 1-866-450-1859 or cmecf_helpdesk@cit.uscourts.gov (FAQ 16)',
    );
  });

  it('the logging-in topic shows both offices, each with its hours', () => {
    render(<HelpScreen initialTopic="logging-in" />);
    const cards = within(topicElement('logging-in')).getAllByTestId('help-contact');
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      `Contact: ${pacerServiceCenter.name}`,
      `Contact: ${citHelpDesk.name}`,
    ]);
  });

  it.skipIf(!hasFaqFile)('the Help Desk’s phone and email are the ones FAQ 16 gives for a lost CM/ECF password', () => {
    const item16 = faqItem(readFileSync(faqFile, 'utf8'), '16');
    expect(item16).toContain('lost my CM/ECF password');
    expect(item16).toContain(citHelpDesk.phone);
    expect(item16).toContain(citHelpDesk.email);
  });

  it('receiving notices needs an upgraded PACER account (FAQ 22), said where accounts and notices are explained', () => {
    expect(textOf('pacer-account-for-filing')).toContain(
      'You also need an upgraded PACER account to receive Notices of Electronic Filing when there is docket activity in your cases (FAQ 22).',
    );
    expect(textOf('notices-and-service')).toContain('Receiving them needs an upgraded PACER account (FAQ 22).');
    expect(loginHelp['account-not-upgraded'].advice).toContain(
      'so does receiving Notices of Electronic Filing (FAQ 22)',
    );
  });

  it('the court’s rules and forms are on its website, no account needed (FAQ 03, 34), and “forms” finds the topic', () => {
    expect(textOf('court-rules-and-forms')).toContain('Reading them needs no PACER or CM/ECF account (FAQ 03, 34).');
    expect(textOf('court-rules-and-forms')).toContain('The court’s CM/ECF forms are on the same website (FAQ 34).');
    render(<HelpScreen />);
    fireEvent.change(screen.getByTestId('help-search'), { target: { value: 'rules forms' } });
    expect(shownTopicIds()).toEqual(['court-rules-and-forms']);
    expect(within(topicElement('court-rules-and-forms')).getByTestId('help-contact').textContent).toContain(
      'https://www.cit.uscourts.gov',
    );
  });

  it('notices go to registered counsel, pro se parties and secondary addresses, not only attorneys of record (FAQ 25, 36)', () => {
    expect(textOf('notices-and-service')).toContain(
      'to the counsel and pro se parties in the case who are registered with CM/ECF, and to the secondary e-mail addresses linked to their accounts (FAQ 25, 36)',
    );
    expect(textOf('free-looks-and-fees')).toContain('secondary addresses included (FAQ 23–25)');
  });

  it('a file over 50 MB blocks the filing; the help no longer says it is only warned about (FAQ 48)', () => {
    expect(textOf('file-over-50-mb')).toContain('a file over 50 MB blocks the filing until it is split');
    expect(textOf('file-over-50-mb')).not.toMatch(/warns/i);
  });

  it('the clean copy removes restrictions from a PDF that opens without a password, but no password that is needed to open it (FAQ 51)', () => {
    const text = textOf('security-measures-in-effect');
    expect(text).toContain(
      'A PDF that opens without a password but carries restrictions: the “Make a clean copy” fix writes a copy without the restrictions',
    );
    expect(text).toContain('A PDF that needs a password to open: ECF Desk cannot remove that password.');
    expect(text).not.toContain('It does not remove the password for you.');
  });
});

describe('the court’s error messages', () => {
  it('are quoted exactly as the FAQ writes them, on the screen too', () => {
    render(<HelpScreen />);
    for (const [faq, message] of Object.entries(courtMessages)) {
      const topic = filingHelp.find((candidate) => candidate.faq === faq);
      expect(topic?.courtMessage, faq).toBe(message);
      const quote = within(topicElement(topic?.id ?? '')).getByTestId('help-court-message');
      expect(quote.textContent).toBe(message);
    }
  });

  it('are the only quoted messages, so no topic puts words in the court’s mouth', () => {
    const quoted = filingHelp.filter((topic) => topic.courtMessage !== null).map((topic) => topic.faq);
    expect(quoted).toEqual(Object.keys(courtMessages));
  });

  it.skipIf(!hasFaqFile)('appear word for word in the court’s own FAQ (../shared/court/cit-cmecf-faq.txt)', () => {
    const faqText = readFileSync(faqFile, 'utf8');
    for (const topic of filingHelp) {
      if (topic.courtMessage !== null) {
        expect(faqText, topic.faq).toContain(topic.courtMessage);
      }
    }
  });
});

describe('searching help', () => {
  it('“internal server” finds the topic for FAQ 47 and nothing else', () => {
    render(<HelpScreen />);
    expect(shownTopicIds()).toHaveLength(filingHelp.length);

    fireEvent.change(screen.getByTestId('help-search'), { target: { value: 'internal server' } });

    expect(shownTopicIds()).toEqual(['internal-server-error']);
    expect(within(topicElement('internal-server-error')).getByRole('heading', { level: 2 }).textContent).toContain(
      'FAQ 47',
    );
    expect(screen.getByRole('status').textContent).toBe(`1 of ${filingHelp.length} topics match “internal server”`);
  });

  it('matches words in any order and ignores case and punctuation: “z motion” finds Z-motion, “iquery.pl” finds FAQ 52', () => {
    render(<HelpScreen />);
    const search = screen.getByTestId('help-search');

    fireEvent.change(search, { target: { value: 'MOTION z' } });
    expect(shownTopicIds()).toEqual(['filing-after-hours']);

    fireEvent.change(search, { target: { value: 'iquery.pl' } });
    expect(shownTopicIds()).toEqual(['query-security-violation']);

    fireEvent.change(search, { target: { value: 'password' } });
    expect(shownTopicIds()).toContain('security-measures-in-effect');
    expect(shownTopicIds()).toContain('pacer-service-center');
  });

  it('“training”, “practice” and “test court” find the topic on the training court', () => {
    render(<HelpScreen />);
    const search = screen.getByTestId('help-search');

    for (const query of ['training', 'practice', 'test court']) {
      fireEvent.change(search, { target: { value: query } });
      expect(shownTopicIds(), query).toContain('training-court');
    }
    fireEvent.change(search, { target: { value: 'test court' } });
    expect(shownTopicIds()).toEqual(['training-court']);
  });

  it('says when nothing matches, and Clear the search brings every topic back with focus in the search box', () => {
    render(<HelpScreen />);
    const search = screen.getByTestId('help-search');
    fireEvent.change(search, { target: { value: 'bankruptcy chapter 11' } });

    expect(shownTopicIds()).toEqual([]);
    expect(screen.getByTestId('help-no-match').textContent).toContain('No topic matches “bankruptcy chapter 11”');

    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));

    expect(shownTopicIds()).toHaveLength(filingHelp.length);
    expect(document.activeElement).toBe(search);
  });
});

describe('opening a topic', () => {
  it('another screen can open a topic: its heading takes the focus', () => {
    render(<HelpScreen initialTopic="computer-fails-near-deadline" />);
    const heading = within(topicElement('computer-fails-near-deadline')).getByRole('heading', { level: 2 });
    expect(document.activeElement).toBe(heading);
  });

  it('the topic list moves the focus to the topic chosen', () => {
    render(<HelpScreen />);
    const contents = screen.getByRole('navigation', { name: 'Help topics' });
    fireEvent.click(within(contents).getByRole('button', { name: /correct it|mistake in a filing/i }));
    expect(document.activeElement).toBe(within(topicElement('correcting-a-filing')).getByRole('heading', { level: 2 }));
  });
});

describe('contacts', () => {
  it('show phone and email as plain text with Copy buttons, never as links (the app opens no links)', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container } = render(<HelpScreen initialTopic="computer-fails-near-deadline" />);

    expect(container.querySelectorAll('a')).toHaveLength(0);
    const card = within(topicElement('computer-fails-near-deadline')).getByTestId('help-contact');
    expect(card.textContent).toContain(citHelpDesk.name);
    expect(card.textContent).toContain('1-866-450-1859');
    expect(card.textContent).toContain('cmecf_helpdesk@cit.uscourts.gov');

    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Copy phone: 1-866-450-1859' })));

    expect(writeText).toHaveBeenCalledWith('1-866-450-1859');
    expect(within(card).getByRole('button', { name: /^Copied/ })).toBeTruthy();
  });

  it('say so when the clipboard is not available, and the text stays there to select', async () => {
    render(<ContactCard contact={pacerServiceCenter} now={winterDay} localTimeZone="America/Los_Angeles" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy email: pacer@psc.uscourts.gov' })));
    expect(screen.getByText('The clipboard is not available. Select the text and copy it yourself.')).toBeTruthy();
    expect(screen.getByText('pacer@psc.uscourts.gov')).toBeTruthy();
  });

  it('give the Help Desk’s hours in Eastern Time and on a Los Angeles clock', () => {
    render(<ContactCard contact={citHelpDesk} now={winterDay} localTimeZone="America/Los_Angeles" />);
    const hours = screen.getByTestId('help-contact-hours');
    expect(hours.textContent).toContain('8:30 a.m.–5:00 p.m. Eastern Time');
    expect(hours.textContent).toContain('5:30 a.m.–2:00 p.m. your time (Pacific Time)');
  });
});

describe('office hours on the reader’s clock', () => {
  it('the Help Desk’s 8:30 to 5:00 Eastern is 5:30 a.m. to 2:00 p.m. in Los Angeles', () => {
    expect(describeOfficeHours(citHelpDesk, winterDay, 'America/Los_Angeles')).toEqual({
      office: '8:30 a.m.–5:00 p.m. Eastern Time',
      local: '5:30 a.m.–2:00 p.m. your time (Pacific Time)',
    });
  });

  it('the PACER Service Center’s 8:00 to 6:00 Central is 6:00 a.m. to 4:00 p.m. in Los Angeles, in summer too', () => {
    const summerDay = new Date('2025-07-15T18:00:00Z');
    expect(describeOfficeHours(pacerServiceCenter, summerDay, 'America/Los_Angeles')).toEqual({
      office: '8:00 a.m.–6:00 p.m. Central Time',
      local: '6:00 a.m.–4:00 p.m. your time (Pacific Time)',
    });
  });

  it('a reader in the office’s own time zone sees the hours once', () => {
    expect(describeOfficeHours(citHelpDesk, winterDay, 'America/New_York')).toEqual({
      office: '8:30 a.m.–5:00 p.m. Eastern Time',
      local: null,
    });
  });

  it('in the weeks America has changed its clocks and Europe has not, London is four hours ahead, not five', () => {
    const march = new Date('2025-03-20T15:00:00Z');
    expect(describeOfficeHours(citHelpDesk, march, 'Europe/London').local).toBe(
      '12:30 p.m.–9:00 p.m. your time (United Kingdom Time)',
    );
  });

  it('in Tokyo the Help Desk closes the next morning', () => {
    expect(describeOfficeHours(citHelpDesk, winterDay, 'Asia/Tokyo').local).toBe(
      '10:30 p.m.–7:00 a.m. the next day your time (Japan Standard Time)',
    );
  });

  it('an unknown local time zone still shows the office’s own hours', () => {
    expect(describeOfficeHours(citHelpDesk, winterDay, 'Not/A_Zone')).toEqual({
      office: '8:30 a.m.–5:00 p.m. Eastern Time',
      local: null,
    });
  });
});

describe('the Clerk’s Office open or closed (FAQ 06, 30)', () => {
  it('is open at noon Eastern on an ordinary Wednesday', () => {
    expect(describeClerksOfficeOpen(winterDay)).toEqual({ isOpen: true, text: 'Open now' });
  });

  it('is closed on Thanksgiving Day, and says which holiday', () => {
    expect(describeClerksOfficeOpen(new Date('2026-11-26T16:00:00Z'))).toEqual({
      isOpen: false,
      text: 'Closed today: Thanksgiving Day (a legal holiday)',
    });
  });

  it('is closed on the Friday a Saturday Independence Day is observed', () => {
    expect(describeClerksOfficeOpen(new Date('2026-07-03T15:00:00Z')).text).toBe(
      'Closed today: Independence Day (a legal holiday)',
    );
  });

  it('is closed on a weekend, before 8:30 a.m. and after 5:00 p.m. Eastern', () => {
    expect(describeClerksOfficeOpen(new Date('2025-01-18T16:00:00Z')).text).toBe('Closed for the weekend');
    expect(describeClerksOfficeOpen(new Date('2025-01-15T13:00:00Z')).text).toBe(
      'Closed now; opens at 8:30 a.m. Eastern',
    );
    expect(describeClerksOfficeOpen(new Date('2025-01-15T22:30:00Z')).text).toBe('Closed for the day');
  });

  it('the Help Desk’s card says it is closed on Martin Luther King, Jr. Day, even at 7 a.m. in Los Angeles', () => {
    const mlkDay = new Date('2026-01-19T15:00:00Z'); // 10 a.m. EST, 7 a.m. PST
    render(<ContactCard contact={citHelpDesk} now={mlkDay} localTimeZone="America/Los_Angeles" />);
    expect(screen.getByTestId('help-contact-open').textContent).toBe(
      'Closed today: Birthday of Martin Luther King, Jr. (a legal holiday)',
    );
  });

  it('the PACER Service Center’s card says nothing of holidays the FAQ does not give', () => {
    render(
      <ContactCard
        contact={pacerServiceCenter}
        now={new Date('2026-01-19T15:00:00Z')}
        localTimeZone="America/Chicago"
      />,
    );
    expect(screen.queryByTestId('help-contact-open')).toBeNull();
  });
});
