import { Fragment } from 'react';
import type { CourtScreen } from '../../../src-main/shared/filing';

/** What each filing step's screen is called, as the attorney checks it. */
const stepNames: Readonly<Record<string, string>> = {
  categories: 'Menu of events',
  events: 'Event',
  case: 'Case number',
  'new-case': 'New case',
  filer: 'Filer',
  documents: 'Documents',
  attachments: 'Attachments',
  'joint-filing': 'Joint filing question',
  related: 'Related entries',
  'docket-text': 'Docket text',
  fee: 'Filing fee',
  'final-text': 'Final docket text',
};

/**
 * The court's screens a filing went through with a page map on its first use (docs/court-pages.md#confirming-screens):
 * each named as ECF Desk took it, with the page's own heading and what was filled in, those not confirmed before marked
 * New. The attorney checks them with the docket text.
 */
export function CourtScreensList({ screens }: { readonly screens: readonly CourtScreen[] }) {
  return (
    <div className="court-screens" data-testid="court-screens">
      <p>
        ECF Desk has not filed with this court page map before. Check that each screen is the one named and was filled
        in as it should be: confirming them with the text lets this map file past them from now on.
      </p>
      <ol className="court-screens__list">
        {screens.map((screen, index) => (
          <li
            key={`${screen.step}-${index}`}
            className="court-screens__screen"
            data-testid="court-screen"
            data-step={screen.step}
            data-new={screen.isNew}
          >
            <p className="court-screens__name">
              <span>{stepNames[screen.step] ?? screen.step}</span>
              {screen.heading && <span className="court-screens__heading"> — the page says “{screen.heading}”</span>}
              {screen.isNew && <span className="court-screens__new">New</span>}
            </p>
            {screen.filled.length > 0 && (
              <dl className="facts court-screens__filled">
                {screen.filled.map((filled, filledIndex) => (
                  <Fragment key={`${filled.field}-${filledIndex}`}>
                    <dt>{filled.field}</dt>
                    <dd>{filled.value}</dd>
                  </Fragment>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
