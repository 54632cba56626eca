import type { Handlers } from '../../src-main/core/api/handlers';
import type { EventName } from '../../src-main/shared/channel-names';

/**
 * The signing attorney at the desk, for tests about something else than the confirmation itself: whenever a filing
 * stops at the court's final-text page to have its docket text confirmed, confirms that text, once, as the attorney
 * does on the Submit step (docs/court-pages.md#confirming-the-docket-text). Give it core's events.
 */
export function attorneyAtTheDesk(handlers: () => Handlers): (name: EventName, payload: unknown) => void {
  const confirmed = new Set<string>();
  return (name, payload) => {
    if (name !== 'drafts.changed') {
      return;
    }
    const { id } = payload as { id: string | null };
    if (id === null) {
      return;
    }
    void (async () => {
      const { draft } = await handlers()['drafts.get']({ id });
      const text = draft.outbox?.state === 'needs-attention' ? draft.outbox.courtDocketText : null;
      if (text !== null && !confirmed.has(`${id}:${text}`)) {
        confirmed.add(`${id}:${text}`);
        await handlers()['outbox.confirmDocketText']({ draftId: id, docketText: text });
      }
      // A draft deleted or a session ended meanwhile: the test it serves says what it expects.
    })().catch(() => undefined);
  };
}
