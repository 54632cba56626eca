/**
 * The response dates a notice's docket entry starts: when the entry is a motion whose response time the rules state
 * (USCIT Rule 7(d)), the date computed from the day it was filed, since the Notice of Electronic Filing is service on
 * registered parties (FAQ 36) and electronic service adds no days (FAQ 39–40). The court's order may set another date.
 */
import { citEventCatalog } from './cit-event-catalog';
import { isCalendarDate, motionResponseTimes, responseDeadlines, type ResponseDeadline } from './court-calendar';

/** Words a party puts before a motion's name that do not change what it is ("Consent Motion to Stay"). */
const leadingModifiers = /^(?:consent|joint|unopposed|partial|renewed|amended|corrected|emergency|cross-)\s*/;

/** Lower case, one space between words, no parenthetical: "Motion for Judgment (Rule 56.1)" → "motion for judgment". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every name a motion with a known response time is docketed under, longest first so the most specific wins. */
const motionNames: readonly { readonly name: string; readonly eventId: string }[] = citEventCatalog
  .filter((event) => motionResponseTimes.some((time) => time.eventIds.includes(event.id)))
  .flatMap((event) =>
    [event.name, event.docketText, ...event.aliases].map((name) => ({ name: normalise(name), eventId: event.id })),
  )
  .filter(({ name }) => name.includes('motion'))
  .sort((a, b) => b.name.length - a.name.length);

/** The longest docket text read: a motion's name is at its start. */
const maxReadLength = 400;

/**
 * The catalog event of a docket entry that is a motion with a known response time, from how its docket text starts
 * ("Motion to Dismiss for Lack of Jurisdiction. Filed by …"), or null. A response, a reply, an order or a proposed
 * order mentions a motion later in its text and is not one.
 */
export function motionEventOfDocketText(docketText: string): string | null {
  const text = normalise(docketText.slice(0, maxReadLength));
  for (const candidate of [text, text.replace(leadingModifiers, '')]) {
    const found = motionNames.find(
      ({ name }) => candidate.startsWith(name) && !/[a-z0-9]/.test(candidate.charAt(name.length)),
    );
    if (found) {
      return found.eventId;
    }
  }
  return null;
}

/** The response dates a notice's entry sets under the rules, or none when it is not such a motion or has no filing date. */
export function responseDatesOfNotice(notice: {
  readonly docketText: string | null;
  readonly dateFiled: string | null;
}): ResponseDeadline[] {
  if (notice.docketText === null || notice.dateFiled === null || !isCalendarDate(notice.dateFiled)) {
    return [];
  }
  const eventId = motionEventOfDocketText(notice.docketText);
  return eventId === null ? [] : responseDeadlines(eventId, notice.dateFiled);
}
