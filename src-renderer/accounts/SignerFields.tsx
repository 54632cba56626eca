import { TextField } from './TextField';

/** The attorney's name as the `/s/` signature reads and their bar admission or party (FAQ 35), kept with the account. */
export function SignerFields({
  name,
  role,
  nameHint,
  testIdPrefix,
  onName,
  onRole,
}: {
  readonly name: string;
  readonly role: string;
  readonly nameHint: string;
  /** `account-signer` on the Accounts form, `signature` on the review step. */
  readonly testIdPrefix: string;
  readonly onName: (name: string) => void;
  readonly onRole: (role: string) => void;
}) {
  return (
    <>
      <TextField
        label="Attorney's name on the signature"
        hint={nameHint}
        data-testid={`${testIdPrefix}-name`}
        maxLength={120}
        value={name}
        onChange={(change) => onName(change.target.value)}
      />
      <TextField
        label="Bar admission or party represented (optional)"
        data-testid={`${testIdPrefix}-role`}
        maxLength={120}
        value={role}
        onChange={(change) => onRole(change.target.value)}
      />
    </>
  );
}
