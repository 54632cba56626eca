import { useEffect, useId, useState, type FormEvent } from 'react';
import type { FirmServerStatus } from '../../src-main/shared/firm-server';
import { useSettings } from '../state/StoresProvider';
import { useInBackground } from '../state/background';
import { CopyButton } from '../components/CopyButton';
import { ManagedBadge } from './ManagedBadge';

/** How the firm server names each role, for the person connected. */
const roleNames: Record<NonNullable<FirmServerStatus['user']>['role'], string> = {
  docketing: 'docketing',
  attorney: 'attorney',
  paralegal: 'paralegal',
  admin: 'administrator',
};

/** One sentence on whose cases a connected user sees. */
function describeCases(user: NonNullable<FirmServerStatus['user']>): string {
  if (user.seesEveryCase) {
    return 'As docketing staff you see every case of the firm.';
  }
  if (user.cases.length === 0) {
    return 'You are on no case team yet: ask IT or docketing to add you to your cases (ecf-desk server case-team).';
  }
  return user.cases.length === 1
    ? `You are on the team of 1 case (${user.cases[0] ?? ''}).`
    : `You are on the teams of ${user.cases.length} cases.`;
}

/**
 * The user's calendar on the firm server (docs/firm-server.md#the-firms-calendar): the deadlines of their cases as a
 * link a calendar program subscribes to. The link is asked for only when wanted, and said to be private.
 */
function FirmCalendarLink() {
  const inBackground = useInBackground();
  const askLink = useSettings((state) => state.firmCalendarLink);
  const [link, setLink] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isAsking, setIsAsking] = useState(false);
  const linkId = useId();
  const hintId = useId();

  const show = async (): Promise<void> => {
    setIsAsking(true);
    setProblem(null);
    const answer = await askLink();
    setIsAsking(false);
    if (answer.ok) {
      setLink(answer.value.url);
    } else {
      setProblem(answer.message);
    }
  };

  return (
    <div className="firm-server-setting__calendar" data-testid="firm-calendar">
      <h3 className="settings-section__subtitle">Your calendar</h3>
      <p className="settings-section__text" id={hintId}>
        The deadlines of your cases across the firm — dates the court set and response dates ECF Desk computes — as a
        calendar Outlook or another calendar program can subscribe to. Anyone with the link sees these deadlines: keep
        it to yourself. A new token from IT ends the link.
      </p>
      {link === null ? (
        <div className="settings-section__actions">
          <button
            type="button"
            className="button"
            data-testid="firm-calendar-show"
            disabled={isAsking}
            onClick={() => inBackground('Asking for the calendar link', show())}
          >
            {isAsking ? 'Asking the server…' : 'Show calendar link'}
          </button>
        </div>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={linkId}>
            Calendar link
          </label>
          <div className="firm-server-setting__link">
            <input
              id={linkId}
              className="field__input"
              type="text"
              data-testid="firm-calendar-link"
              value={link}
              readOnly
              aria-describedby={hintId}
              spellCheck={false}
              onFocus={(event) => event.target.select()}
            />
            <CopyButton
              value={link}
              description="the calendar link"
              unavailableHint="Select the link and copy it with Ctrl+C."
            />
          </div>
        </div>
      )}
      {problem && (
        <p className="settings-section__problem" role="alert" data-testid="firm-calendar-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * The Firm server section (docs/firm-server.md#connecting-a-desktop): the address of the firm's ECF Desk server, which
 * firm IT may set by machine policy, and the user's own token, kept in the keychain. The server checks both before
 * either is saved.
 */
export function FirmServerSetting() {
  const inBackground = useInBackground();
  const status = useSettings((state) => state.firmServer);
  const isChecking = useSettings((state) => state.isCheckingFirmServer);
  const check = useSettings((state) => state.checkFirmServer);
  const connect = useSettings((state) => state.connectFirmServer);
  const disconnect = useSettings((state) => state.disconnectFirmServer);
  const headingId = useId();
  const badgeId = useId();
  const urlId = useId();
  const tokenId = useId();
  const tokenHintId = useId();
  // What the user typed; until they type, the address saved or set by policy.
  const [typedUrl, setTypedUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => inBackground('Checking the firm server', check()), [inBackground, check]);

  const isManaged = status?.managedBy != null;
  const url = isManaged ? (status?.url ?? '') : (typedUrl ?? status?.url ?? '');
  const isConnected = status?.state === 'connected';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    const typedToken = token.trim();
    const connected = await connect({ url: url.trim(), ...(typedToken === '' ? {} : { token: typedToken }) });
    if (connected.ok) {
      setToken('');
    } else {
      setProblem(connected.message);
    }
  };

  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="setting-firm-server">
      <h2 id={headingId} className="settings-section__title">
        Firm server
      </h2>
      {isManaged && status?.managedBy && (
        <ManagedBadge id={badgeId} settingKey="firmServerUrl" source={status.managedBy} />
      )}
      <p className="settings-section__text">
        Connect to your firm’s ECF Desk server with its address and your own token, both from IT. Once connected, this
        section says who the server knows you as and on which case teams.
      </p>
      {status === null ? (
        <p className="settings-section__note" role="status">
          {isChecking ? 'Checking the firm server…' : ''}
        </p>
      ) : (
        <p
          className={
            status.state === 'connected' || status.state === 'not-set'
              ? 'settings-section__text'
              : 'settings-section__problem'
          }
          role="status"
          data-testid="firm-server-state"
          data-state={status.state}
        >
          {status.state === 'connected' && status.user
            ? `Connected to ${status.url ?? ''} as ${status.user.name} (${roleNames[status.user.role]}). ${describeCases(status.user)}`
            : status.state === 'not-set'
              ? 'Not connected to a firm server.'
              : status.message}
        </p>
      )}
      {isConnected ? (
        <div className="settings-section__actions">
          <button
            type="button"
            className="button"
            data-testid="firm-server-check"
            disabled={isChecking}
            onClick={() => inBackground('Checking the firm server', check())}
          >
            {isChecking ? 'Checking…' : 'Check again'}
          </button>
          <button
            type="button"
            className="button"
            data-testid="firm-server-disconnect"
            onClick={() => inBackground('Disconnecting from the firm server', disconnect())}
          >
            Disconnect
          </button>
        </div>
      ) : (
        <form
          className="firm-server-setting__form"
          aria-label="Connect to the firm server"
          onSubmit={(event) => inBackground('Connecting to the firm server', submit(event))}
        >
          <div className="field">
            <label className="field__label" htmlFor={urlId}>
              Address
            </label>
            <input
              id={urlId}
              className="field__input"
              type="url"
              data-testid="firm-server-url"
              placeholder="https://ecf-desk.yourfirm.example"
              value={url}
              readOnly={isManaged}
              aria-describedby={isManaged ? badgeId : undefined}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setTypedUrl(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={tokenId}>
              Your token
            </label>
            <input
              id={tokenId}
              className="field__input"
              type="password"
              data-testid="firm-server-token"
              value={token}
              aria-describedby={tokenHintId}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setToken(event.target.value)}
            />
            <span id={tokenHintId} className="field__hint">
              It starts with ecfd_. ECF Desk keeps it in this computer’s keychain, never in a file.
            </span>
          </div>
          {problem && (
            <p className="settings-section__problem" role="alert" data-testid="firm-server-problem">
              {problem}
            </p>
          )}
          <div className="settings-section__actions">
            <button
              type="submit"
              className="button button--primary"
              data-testid="firm-server-connect"
              disabled={isChecking}
            >
              {isChecking ? 'Connecting…' : 'Connect'}
            </button>
          </div>
        </form>
      )}
      {isConnected && <FirmCalendarLink />}
    </section>
  );
}
