import type { AccountKind } from './accounts';

/**
 * A PACER login of the built-in training court, as a first-time user is told about it. The passwords are the training
 * court's own, published in its README for anyone to practise with; they open nothing real.
 * `tests/unit/training-court/training-court-guide.test.ts` holds each one to the court's seed.
 */
export interface TrainingLogin {
  readonly loginId: string;
  readonly password: string;
  readonly kind: AccountKind;
  /** Who uses it and what it may do, in a few words: "Attorney (Thomas Walsh, U.S. Department of Justice), files". */
  readonly role: string;
  /** The authenticator key (RFC 6238, 30 s, 6 digits) when the login asks for a 6-digit code; null when it does not. */
  readonly authenticatorKey: string | null;
  /** One of the three a first run names: an attorney without a code, an attorney with one, the shared login. */
  readonly isToTryFirst: boolean;
}

/** Every login of the training court: the three to try first, then the ones that show a particular case. */
export const trainingLogins: readonly TrainingLogin[] = [
  {
    loginId: 'twalsh',
    password: 'Training-Walsh-6',
    kind: 'filer',
    role: 'Attorney (Thomas Walsh, U.S. Department of Justice): files, and asks for no 6-digit code',
    authenticatorKey: null,
    isToTryFirst: true,
  },
  {
    loginId: 'jmorgan',
    password: 'Training-Morgan-1',
    kind: 'filer',
    role: 'Attorney (Jane Morgan, Morgan & Reyes LLP): files, and asks for a 6-digit code',
    authenticatorKey: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    isToTryFirst: true,
  },
  {
    loginId: 'firmview',
    password: 'Training-View-4',
    kind: 'view-only',
    role: 'The firm’s shared account, as a paralegal uses it: searches cases and prepares filings, but cannot file (FAQ 12)',
    authenticatorKey: null,
    isToTryFirst: true,
  },
  {
    loginId: 'dchen',
    password: 'Training-Chen-2',
    kind: 'filer',
    role: 'Attorney (David Chen) whose firm wants a client code: without one, the login works with a warning',
    authenticatorKey: null,
    isToTryFirst: false,
  },
  {
    loginId: 'rpatel',
    password: 'Training-Patel-3',
    kind: 'confidential-filer',
    role: 'Confidential information filer: may see restricted entries',
    authenticatorKey: null,
    isToTryFirst: false,
  },
  {
    loginId: 'lockedout',
    password: 'Training-Locked-5',
    kind: 'filer',
    role: 'A locked account: shows what a refused login says and whom to call',
    authenticatorKey: null,
    isToTryFirst: false,
  },
];

/** What to try first, in order: the whole day of a filing, from the login to the court's notice. */
export const trainingFirstSteps =
  'Add twalsh on the Accounts screen and log in; prepare a motion on the Filings screen in case 1:26-cv-00123-MMB ' +
  '(Acme Steel Corp. v. United States) and file it; then watch its Notice of Electronic Filing arrive in the Inbox, ' +
  'with the document saved through the free look.';
