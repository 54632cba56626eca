import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Account, AccountInput, AccountKind, KeychainStatus, MfaMode } from '../../src-main/shared/accounts';
import type { Attempt } from '../state/attempt';
import { Dialog } from './Dialog';
import { canStoreSecrets, findClientCodeProblem, keychainName, maxClientCodeLength } from './describe-account';
import { SignerFields } from './SignerFields';
import { TextField } from './TextField';
import './fields.css';
import { useInBackground } from '../state/background';

/** FAQ 12: the three kinds of account, as the form offers them. */
const kindChoices: readonly { readonly value: AccountKind; readonly label: string }[] = [
  { value: 'filer', label: 'Filer (PACER account upgraded for filing)' },
  { value: 'confidential-filer', label: 'Confidential information filer' },
  { value: 'view-only', label: 'Shared firm account — view only, cannot file' },
];

/** An authenticator secret is Base32, as PACER shows it (spaces allowed). */
const totpSecretPattern = /^[A-Za-z2-7=\s]+$/;

/** What the Add/Edit dialog needs: the account being edited (null to add one), the keychain, and what saving does. */
export interface AccountFormProps {
  readonly account: Account | null;
  readonly keychain: KeychainStatus | null;
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onSave: (input: AccountInput) => Promise<Attempt<Account>>;
  readonly onClose: () => void;
}

/** The form's problems, one per field, found when Save is chosen (the client code's is shown while typing). */
interface Problems {
  readonly loginId: string | null;
  readonly totpSecret: string | null;
}

/** Adds or edits a PACER account. Saved secrets are never shown: on edit a blank field keeps what the keychain holds. */
export function AccountForm({ account, keychain, fallbackFocus, onSave, onClose }: AccountFormProps) {
  const isEditing = account !== null;
  const canStore = canStoreSecrets(keychain);
  const [loginId, setLoginId] = useState(account?.loginId ?? '');
  const [password, setPassword] = useState('');
  const [kind, setKind] = useState<AccountKind>(account?.kind ?? 'filer');
  const [signerName, setSignerName] = useState(account?.name ?? '');
  const [signerRole, setSignerRole] = useState(account?.role ?? '');
  const [clientCode, setClientCode] = useState(account?.defaultClientCode ?? '');
  const [mfaMode, setMfaMode] = useState<MfaMode>(account?.mfaMode ?? 'none');
  const [totpSecret, setTotpSecret] = useState('');
  const [problems, setProblems] = useState<Problems>({ loginId: null, totpSecret: null });
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const loginIdRef = useRef<HTMLInputElement>(null);
  const inBackground = useInBackground();
  const clientCodeRef = useRef<HTMLInputElement>(null);
  const totpSecretRef = useRef<HTMLInputElement>(null);
  const kindName = useId();
  const mfaName = useId();
  const clientCodeProblem = findClientCodeProblem(clientCode);

  const findProblems = (): Problems => {
    const secret = totpSecret.trim();
    let totpProblem: string | null = null;
    if (mfaMode === 'stored-secret') {
      if (secret === '' && !account?.totpSecretSaved) {
        totpProblem = 'Enter the secret PACER showed when you added an authenticator app.';
      } else if (secret !== '' && !totpSecretPattern.test(secret)) {
        totpProblem = 'An authenticator secret has only the letters A–Z and digits 2–7.';
      }
    }
    return { loginId: loginId.trim() === '' ? 'Enter the PACER username.' : null, totpSecret: totpProblem };
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (isSaving) {
      return;
    }
    const found = findProblems();
    setProblems(found);
    if (found.loginId || clientCodeProblem || found.totpSecret) {
      const firstInvalid = found.loginId ? loginIdRef : clientCodeProblem ? clientCodeRef : totpSecretRef;
      firstInvalid.current?.focus();
      return;
    }
    const code = clientCode.trim();
    const secret = totpSecret.trim();
    const input: AccountInput = {
      ...(account ? { id: account.id } : {}),
      loginId: loginId.trim(),
      name: signerName.trim(),
      role: signerRole.trim(),
      kind,
      defaultClientCode: code === '' ? null : code,
      mfaMode,
      ...(canStore && password !== '' ? { password } : {}),
      ...(canStore && mfaMode === 'stored-secret' && secret !== '' ? { totpSecret: secret } : {}),
    };
    setSaving(true);
    setFailure(null);
    const attempt = await onSave(input);
    setSaving(false);
    if (attempt.ok) {
      onClose();
    } else {
      setFailure(attempt.message);
    }
  };

  const passwordHint = (): string => {
    if (!isEditing) {
      return `Kept in ${keychainName(keychain)}, never shown again. Leave it blank to be asked at each login.`;
    }
    return account.passwordSaved
      ? 'Leave it blank to keep the saved password.'
      : 'Leave it blank to be asked at each login.';
  };

  return (
    <Dialog
      title={isEditing ? `Edit ${account.loginId}` : 'Add account'}
      testId="account-form"
      initialFocus={loginIdRef}
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      <form className="account-form" noValidate onSubmit={(event) => inBackground('Saving the account', submit(event))}>
        <TextField
          ref={loginIdRef}
          label="Login ID (PACER username)"
          autoComplete="username"
          spellCheck={false}
          value={loginId}
          error={problems.loginId}
          onChange={(event) => setLoginId(event.target.value)}
        />
        {canStore ? (
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={password}
            hint={passwordHint()}
            onChange={(event) => setPassword(event.target.value)}
          />
        ) : (
          <p className="account-form__note">Password: not saved. ECF Desk asks for it at each login.</p>
        )}
        <fieldset className="choices">
          <legend className="choices__legend">Account kind</legend>
          {kindChoices.map((choice) => (
            <label key={choice.value} className="choice">
              <input
                type="radio"
                name={kindName}
                value={choice.value}
                checked={kind === choice.value}
                onChange={() => setKind(choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
        {kind !== 'view-only' && (
          <SignerFields
            name={signerName}
            role={signerRole}
            nameHint="As the “/s/” signature on filings reads (FAQ 35). Optional here: asked when signing if blank."
            testIdPrefix="account-signer"
            onName={setSignerName}
            onRole={setSignerRole}
          />
        )}
        <TextField
          ref={clientCodeRef}
          label="Default client code (optional)"
          spellCheck={false}
          value={clientCode}
          counter={{ used: clientCode.trim().length, max: maxClientCodeLength }}
          hint="Your firm's billing reference for PACER fees. It can be changed at each login."
          error={clientCodeProblem}
          onChange={(event) => setClientCode(event.target.value)}
        />
        <fieldset className="choices">
          <legend className="choices__legend">6-digit code (multi-factor authentication)</legend>
          <label className="choice">
            <input
              type="radio"
              name={mfaName}
              value="none"
              checked={mfaMode === 'none'}
              onChange={() => setMfaMode('none')}
            />
            None
          </label>
          <label className="choice">
            <input
              type="radio"
              name={mfaName}
              value="prompt"
              checked={mfaMode === 'prompt'}
              onChange={() => setMfaMode('prompt')}
            />
            Ask me for the 6-digit code
          </label>
          <label className={canStore ? 'choice' : 'choice choice--disabled'}>
            <input
              type="radio"
              name={mfaName}
              value="stored-secret"
              checked={mfaMode === 'stored-secret'}
              disabled={!canStore}
              onChange={() => setMfaMode('stored-secret')}
            />
            <span className="choice__text">
              Generate the code from a secret saved in {keychainName(keychain)}
              {!canStore && (
                <span className="choice__hint">Not available: nothing can be saved in {keychainName(keychain)}.</span>
              )}
            </span>
          </label>
        </fieldset>
        {mfaMode === 'stored-secret' && canStore && (
          <TextField
            ref={totpSecretRef}
            label="Authenticator secret"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={totpSecret}
            hint={
              account?.totpSecretSaved
                ? 'Leave it blank to keep the saved secret.'
                : 'The letters and digits PACER showed when you added an authenticator app.'
            }
            error={problems.totpSecret}
            onChange={(event) => setTotpSecret(event.target.value)}
          />
        )}
        {failure && (
          <p className="account-form__failure" role="alert">
            The account was not saved. {failure}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" aria-disabled={isSaving}>
            {isSaving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
