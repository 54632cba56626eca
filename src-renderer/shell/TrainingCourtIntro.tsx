import { useEffect, useId, type RefObject } from 'react';
import { trainingFirstSteps, trainingLogins } from '../../src-main/shared/training-court-guide';
import { Icon } from '../components/Icon';
import { HelpLink } from '../help/HelpLink';
import { useInBackground } from '../state/background';
import { useCourt, useSettings } from '../state/StoresProvider';
import './TrainingCourtIntro.css';

/**
 * A first run against the training court: which court this is, the logins to try (who files, who only views, which
 * asks for a 6-digit code) and what to try, until dismissed; the dismissal is a setting, so it holds across restarts.
 * The training passwords are in the Help topic, read when asked for, not on every screen: the Accounts screen never
 * shows a password once typed, and a banner above it would.
 */
export function TrainingCourtIntro({ focusAfterward }: { readonly focusAfterward: RefObject<HTMLElement | null> }) {
  const court = useCourt((state) => state.status);
  const settings = useSettings((state) => state.settings);
  const loadSettings = useSettings((state) => state.load);
  const update = useSettings((state) => state.update);
  const inBackground = useInBackground();
  const headingId = useId();

  useEffect(() => inBackground('Reading the settings', loadSettings()), [inBackground, loadSettings]);

  // Shown only once the settings say it was not dismissed, so it never flashes up for someone who dismissed it.
  if (court?.kind !== 'training' || settings === null || settings.trainingIntroDismissed === true) {
    return null;
  }

  const dismiss = (): void => {
    // The banner is about to go with the button that has focus: the screen below takes it, not the page's start.
    focusAfterward.current?.focus();
    inBackground('Hiding the training court introduction', update({ trainingIntroDismissed: true }));
  };

  return (
    <section className="training-intro" aria-labelledby={headingId} data-testid="training-intro">
      <Icon name="help" className="icon training-intro__icon" />
      <div className="training-intro__body">
        {/* A region named by its first line, not a heading: it sits above the screen's own heading, outside its outline. */}
        <p id={headingId} className="training-intro__title">
          You are using the training court: {court.name}
        </p>
        <p>
          A practice court on this computer, with CIT-style cases and notices: nothing filed here reaches the U.S. Court
          of International Trade or costs money. Log in with one of its PACER logins:
        </p>
        <ul className="training-intro__logins" aria-label="Training court logins">
          {trainingLogins
            .filter((login) => login.isToTryFirst)
            .map((login) => (
              <li key={login.loginId}>
                <strong className="training-intro__login">{login.loginId}</strong> — {login.role}.
              </li>
            ))}
        </ul>
        <p>
          Their training passwords, and the key for the 6-digit code, are in the Help topic below. {trainingFirstSteps}
        </p>
        <HelpLink topicId="training-court" />
      </div>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Dismiss the training court introduction"
        onClick={dismiss}
      >
        Dismiss
      </button>
    </section>
  );
}
