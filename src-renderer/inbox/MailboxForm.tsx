import { useId, useState, type FormEvent } from 'react';
import type { Mailbox, MailboxInput } from '../../src-main/shared/inbox';
import { TextField } from '../accounts/TextField';
import type { Attempt } from '../state/attempt';
import '../accounts/fields.css';
import { useInBackground } from '../state/background';

/** The IMAP ports: 993 over TLS, 143 without. */
const tlsPort = 993;
const plainPort = 143;

/** What the mailbox form needs: the mailbox being edited (null to add one) and what saving and cancelling do. */
export interface MailboxFormProps {
  readonly mailbox: Mailbox | null;
  readonly onSave: (input: MailboxInput) => Promise<Attempt<Mailbox>>;
  readonly onDone: () => void;
}

/**
 * Adds or edits an IMAP mailbox. The password or access token is never shown back: the field starts empty, and on edit
 * a blank field keeps what the keychain holds. Imported mail stays unread on the server unless the user asks.
 */
export function MailboxForm({ mailbox, onSave, onDone }: MailboxFormProps) {
  const inBackground = useInBackground();
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [port, setPort] = useState(String(mailbox?.port ?? tlsPort));
  const [secure, setSecure] = useState(mailbox?.secure ?? true);
  const [user, setUser] = useState(mailbox?.user ?? '');
  const [auth, setAuth] = useState<MailboxInput['auth']>(mailbox?.auth ?? 'password');
  const [secret, setSecret] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [marksRead, setMarksRead] = useState(mailbox?.marksRead ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const authName = useId();
  const hasSavedSecret = mailbox?.secretSaved ?? false;
  const secretLabel = auth === 'password' ? 'Password' : 'OAuth2 access token';

  const changeSecure = (isSecure: boolean): void => {
    setSecure(isSecure);
    // Follow the usual port for the choice, unless the user typed another.
    if (port === String(isSecure ? plainPort : tlsPort)) {
      setPort(String(isSecure ? tlsPort : plainPort));
    }
  };

  const findProblem = (): string | null => {
    const portNumber = Number(port);
    if (host.trim() === '') {
      return 'Enter the mail server’s name, for example imap.example.com.';
    }
    if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
      return 'Enter a port from 1 to 65535 (993 with TLS, 143 without).';
    }
    if (user.trim() === '') {
      return 'Enter the mailbox’s user name, usually its e-mail address.';
    }
    if (secret === '' && !hasSavedSecret) {
      return `Enter the ${secretLabel.toLowerCase()}.`;
    }
    if (folder.trim() === '') {
      return 'Enter the folder the court’s notices arrive in (usually INBOX).';
    }
    return null;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (isSaving) {
      return;
    }
    const found = findProblem();
    setProblem(found);
    if (found) {
      return;
    }
    const input: MailboxInput = {
      ...(mailbox ? { id: mailbox.id } : {}),
      host: host.trim(),
      port: Number(port),
      secure,
      user: user.trim(),
      auth,
      ...(secret !== '' ? { secret } : {}),
      folder: folder.trim(),
      marksRead,
    };
    setSaving(true);
    const attempt = await onSave(input);
    setSaving(false);
    if (attempt.ok) {
      onDone();
    } else {
      setProblem(attempt.message);
    }
  };

  return (
    <form
      className="mailbox-form"
      data-testid="mailbox-form"
      noValidate
      onSubmit={(event) => inBackground('Saving the mailbox', submit(event))}
    >
      <TextField
        label="Mail server (IMAP)"
        autoComplete="off"
        spellCheck={false}
        placeholder="imap.example.com"
        value={host}
        onChange={(event) => setHost(event.target.value)}
      />
      <div className="mailbox-form__row">
        <TextField label="Port" inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} />
        <label className="choice mailbox-form__tls">
          <input type="checkbox" checked={secure} onChange={(event) => changeSecure(event.target.checked)} />
          Use TLS (recommended)
        </label>
      </div>
      <TextField
        label="User name"
        autoComplete="username"
        spellCheck={false}
        value={user}
        hint="A firm's shared docketing mailbox works the same as your own."
        onChange={(event) => setUser(event.target.value)}
      />
      <fieldset className="choices">
        <legend className="choices__legend">Sign in with</legend>
        <label className="choice">
          <input
            type="radio"
            name={authName}
            value="password"
            checked={auth === 'password'}
            onChange={() => setAuth('password')}
          />
          Password (or an app password)
        </label>
        <label className="choice">
          <input
            type="radio"
            name={authName}
            value="oauth2"
            checked={auth === 'oauth2'}
            onChange={() => setAuth('oauth2')}
          />
          OAuth2 access token (Microsoft 365, Google Workspace)
        </label>
      </fieldset>
      <TextField
        label={secretLabel}
        type="password"
        autoComplete="new-password"
        data-testid="mailbox-secret"
        value={secret}
        hint={
          hasSavedSecret
            ? `Leave it blank to keep the saved ${secretLabel.toLowerCase()}.`
            : 'Kept in the system keychain, never shown again.'
        }
        onChange={(event) => setSecret(event.target.value)}
      />
      <TextField
        label="Folder"
        spellCheck={false}
        value={folder}
        hint="Where the court's notices arrive; INBOX unless a mail rule moves them."
        onChange={(event) => setFolder(event.target.value)}
      />
      <label className="choice">
        <input
          type="checkbox"
          data-testid="mailbox-marks-read"
          checked={marksRead}
          onChange={(event) => setMarksRead(event.target.checked)}
        />
        <span className="choice__text">
          Mark imported mail as read
          <span className="choice__hint">
            Off: ECF Desk leaves the mail as it found it, so others sharing the mailbox still see it as new.
          </span>
        </span>
      </label>
      {problem && (
        <p className="inbox-reader__failure" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save mailbox'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
