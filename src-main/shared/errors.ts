/**
 * Error codes that cross the boundary between main and renderer, each with its one meaning. Each code is stable
 * and stands for one refusal only: the renderer may branch on it, tests assert it, and messages may change.
 * `invalid-arguments` is kept for calls whose arguments fail their channel's schema; a refusal of a well-formed
 * call gets a code of its own here.
 */
export const errorMeanings = {
  'invalid-arguments': "The call's arguments do not match its channel's schema (a caller's bug, not a user's choice).",
  'unknown-channel': 'No request channel has that name.',
  'foreign-sender': 'The call did not come from an ECF Desk window.',
  'app.closing': 'ECF Desk is closing, so it takes no new calls (the window is about to go).',
  'host.unsupported': 'This host cannot do that (browser mode has no file dialog of its own).',
  'settings.invalid': 'A setting has a value this version does not know, so nothing was saved.',
  'document.not-found': 'No document with that id is in the Documents list (or, to bring back, among those removed).',
  'document.copy-missing': "ECF Desk's saved copy of a PDF (a document's or a notice's) is gone from its store.",
  'document.too-big-to-read': 'The file is larger than ECF Desk reads.',
  'document.not-checkable': 'The document is not a readable PDF, so it cannot be shown or checked.',
  'document.bad-name': "The file's name holds something a document's name may not, so nothing was added.",
  'fix.needs-password': 'The PDF needs a password to open, so it cannot be fixed.',
  'fix.unreadable': 'The PDF cannot be read well enough to be fixed.',
  'fix.flatten-failed': "The PDF's form could not be flattened.",
  'fix.page-too-large': 'A single page is larger than a part of a split may be.',
  'fix.stopped': 'The fix could not be made safely (it took too long, ran out of memory, or its process failed).',
  'fix.cancelled': 'The fix was cancelled (by the user, or by the document being removed or the app quitting).',
  'fix.busy': 'The document is already being fixed.',
  'fix.not-applicable': 'That version of the document cannot be fixed (replaced, removed, or not a readable PDF).',
  'fix.nothing-to-undo': 'The document was not made by a fix, or its fix has already been undone.',
  'storage.newer-version': 'The data was saved by a newer version of ECF Desk, which this version will not open.',
  'package.damaged': 'The draft package is damaged or not one ECF Desk wrote.',
  'package.too-large': 'The draft package is larger than one package may be (to write or to read).',
  'draft.not-found': 'No draft with that id is in the Filings list.',
  'filing.not-ready': "The filing's review lists something blocking, so it cannot go to the outbox.",
  'filing.in-outbox': 'The filing is in the outbox, so it cannot be changed; withdraw it first.',
  'filing.already-queued':
    'The filing was already handed to the outbox (by an earlier press), so it is not queued twice.',
  'filing.docket-text-changed':
    'The docket text confirmed is not the one the court showed last, so it was not confirmed.',
  'filing.at-court': 'The filing is being sent to the court or has been sent, so it cannot be withdrawn or deleted.',
  'signature.no-name': 'The signing account has no name for the `/s/` signature and none was given.',
  'signature.missing':
    'The filing has not been signed by the filing attorney (or a change since voided the signature).',
  'signature.other-account':
    "The filing was signed under another filer's account; only that account's own session may send it (FAQ 35).",
  'account.not-found': 'No account with that id is in the list.',
  'account.duplicate': 'An account with that login at this court is already in the list.',
  'account.invalid':
    "The account's details are incomplete or not valid (an empty password, a bad authenticator secret).",
  'account.view-only': 'The account is a shared one for viewing only, which may not file (FAQ 12).',
  'account.other-court': 'The account belongs to another court profile than the one in use.',
  'vault.unavailable': 'No keychain is available here to keep secrets.',
  'vault.failed': 'The keychain refused or failed during the call.',
  'court.unreachable': 'The court could not be reached, or its answer was cut off.',
  'court.not-ready': 'The court in use is not ready yet (still starting, or failed to start).',
  'court.page-map-invalid': 'The file given as a court page map is not one ECF Desk can file by, so it was not loaded.',
  'court.page-map-unreadable':
    'The court page map chosen (by policy, or loaded earlier) cannot be read or is not valid: filings wait.',
  'court.no-filing': 'Filing through ECF Desk is not available for the court in use.',
  'court.refused': "The court's page answered the request with an error of its own (its words are the message).",
  'session.none': 'Nobody is logged in to the court (or the court ended the session).',
  'notice.not-found': 'No notice with that id is in the inbox.',
  'notice.document-not-found': 'The notice has no document with that number, or no link to it.',
  'notice.document-not-saved': "The notice's document has no saved copy (its free look failed and it was not bought).",
  'inbox.no-deadlines':
    'No notice in the inbox sets a deadline or starts a response period, so there is no calendar to export.',
  'purchase.price-changed': 'The court asks a different price than the one the user accepted, so nothing was bought.',
  'mailbox.not-found': 'No mailbox with that id is set up.',
  'firm-server.address-invalid':
    'The firm server address is not one ECF Desk connects to (not https off this computer, or more than a host and port).',
  'firm-server.no-token': 'No firm server token was given and none is kept, so ECF Desk did not connect.',
  'firm-server.token-refused': 'The firm server does not know the token (mistyped, or the user was removed).',
  'firm-server.unreachable': 'The firm server did not answer, or what answered is not an ECF Desk firm server.',
  'firm-server.document-not-found':
    'The firm server has no such document for this user (not on the case team, or the document was removed).',
  'firm-server.document-damaged': 'What the firm server sent is not the document it named (its SHA-256 differs).',
  'shared-draft.invalid':
    'The draft cannot be shared as it is (no case, a package step), or the server refused it or one of its PDFs.',
  'shared-draft.not-allowed': 'The user is not on the case team of the shared draft, so the firm server refused it.',
  'shared-draft.not-found':
    'The firm server has no such shared draft on the user’s cases (removed, or the user left the case team).',
  'shared-draft.conflict':
    'Someone changed the shared draft after the version this copy was made from: the server kept theirs, not this.',
  'shared-draft.filed-elsewhere': 'Another desktop put the shared draft in its outbox: it is filed once, from there.',
  'link.unsafe': "A link or redirect does not go to the court's own site, so it was not followed.",
  'certificate.no-signer':
    'A certificate of service cannot be made: the filing has no filer signer and the logged-in account has no name.',
  'certificate.no-parties':
    'A certificate of service cannot be made: the filing has no case, or no party other than those it is filed for.',
  'certificate.no-address':
    'A certificate of service cannot be made: a party served by mail has no mailing address the court lists.',
  internal: 'Something failed inside ECF Desk that is not one of the refusals above (a bug or a broken environment).',
} as const satisfies Record<string, string>;

/** A stable error code. */
export type ErrorCode = keyof typeof errorMeanings;

/** Every error code. */
export const errorCodes = Object.keys(errorMeanings) as readonly ErrorCode[];

/** An error as plain data: what went wrong, in words a paralegal can act on. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
}

/** The envelope every call returns, so error codes survive the trip across IPC or HTTP. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };
