import type { Draft } from '../../../src-main/shared/filing';
import { useAccounts } from '../../state/StoresProvider';

/** Who files a draft: the name and login of its signature, else of the filer account logged in now; null if neither. */
export interface Filer {
  readonly name: string;
  readonly loginId: string;
  /** Bar admission or the party represented, as the signature shows it; empty when not given. */
  readonly role: string;
}

/** The filer of a draft, by name and login (FAQ 35: the signature's login, or the filer session that would sign). */
export function useFiler(draft: Draft): Filer | null {
  const session = useAccounts((state) => state.session);
  const accounts = useAccounts((state) => state.accounts);
  if (draft.signature !== null) {
    const { name, loginId, role } = draft.signature;
    return { name, loginId, role };
  }
  if (session?.state !== 'logged-in' || !session.mayFile) {
    return null;
  }
  const account = accounts.find((candidate) => candidate.id === session.accountId);
  return { name: account?.name ?? '', loginId: session.loginId, role: account?.role ?? '' };
}
