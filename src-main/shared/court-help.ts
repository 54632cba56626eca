import type { LoginHelpTopic } from './accounts';
import { trainingFirstSteps, trainingLogins, type TrainingLogin } from './training-court-guide';

/** Who answers which question (the FAQ's header and items 06, 35, 47). */
export interface HelpContact {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly hours: string;
  readonly timeZone: string;
  readonly website: string | null;
  /** The office keeps the Clerk's Office's days: closed on weekends and legal holidays (FAQ 06, 30). */
  readonly keepsClerksOfficeDays: boolean;
}

/** PACER questions: passwords, accounts, upgrades, MFA, locked accounts (FAQ header). */
export const pacerServiceCenter: HelpContact = {
  name: 'PACER Service Center',
  phone: '1-800-676-6856',
  email: 'pacer@psc.uscourts.gov',
  hours: '8:00 a.m. to 6:00 p.m.',
  timeZone: 'America/Chicago',
  website: 'https://pacer.uscourts.gov',
  // The FAQ gives the PACER Service Center's hours but not its holidays, so only its hours are shown.
  keepsClerksOfficeDays: false,
};

/** CM/ECF questions: filing, events, errors in the court's system (FAQ header, 06, 47). */
export const citHelpDesk: HelpContact = {
  name: 'Court of International Trade CM/ECF Help Desk',
  phone: '1-866-450-1859',
  email: 'cmecf_helpdesk@cit.uscourts.gov',
  hours: '8:30 a.m. to 5:00 p.m.',
  timeZone: 'America/New_York',
  website: 'https://www.cit.uscourts.gov',
  keepsClerksOfficeDays: true,
};

/** What to tell a user for each login trouble, and whom to call. */
export const loginHelp: Readonly<
  Record<LoginHelpTopic, { readonly title: string; readonly advice: string; readonly contact: HelpContact }>
> = {
  'login-not-working': {
    title: 'The login is refused',
    advice:
      'Check the username, the password and the 6-digit code (it changes every 30 seconds). After several failures PACER may lock the account. A lost PACER login or password goes to the PACER Service Center (FAQ 15, 17); a lost CM/ECF password goes to the court’s CM/ECF Help Desk, at 1-866-450-1859 or cmecf_helpdesk@cit.uscourts.gov (FAQ 16).',
    contact: pacerServiceCenter,
  },
  'account-not-upgraded': {
    title: 'The account may not file',
    advice:
      'Filing needs your own PACER account upgraded for e-filing with this court, not a shared or view-only account (FAQ 07, 12); so does receiving Notices of Electronic Filing (FAQ 22). Ask the court to link your filer registration.',
    contact: citHelpDesk,
  },
  locked: {
    title: 'The account is locked',
    advice:
      'PACER locks an account after repeated failed logins or for billing reasons. Only the PACER Service Center can unlock it.',
    contact: pacerServiceCenter,
  },
  'court-unreachable': {
    title: "The court's login service cannot be reached",
    advice:
      'Check the network connection. If the court’s system is down near a deadline, see the court’s rules on technical failures (FAQ 47) and call the Help Desk.',
    contact: citHelpDesk,
  },
};

/**
 * One help topic: what happened, why the court cares and what to do, in a paralegal's words, with the FAQ item it
 * comes from and the office to contact (null when the fix is in the filer's hands).
 */
export interface FilingHelpTopic {
  readonly id: string;
  readonly title: string;
  /** The court FAQ items behind the topic: "FAQ 31", "FAQ 27, 28". */
  readonly faq: string;
  /** The court's error message, word for word as the FAQ quotes it, or null when the topic is not about a message. */
  readonly courtMessage: string | null;
  readonly paragraphs: readonly string[];
  readonly contact: HelpContact | null;
  /** A second office, when the FAQ sends part of the question elsewhere (FAQ 16: the Help Desk, FAQ 17: PACER). */
  readonly alsoContact?: HelpContact;
}

/** One training login as the Help topic lists it: who it is, its training password, and its 6-digit code if any. */
function describeTrainingLogin(login: TrainingLogin): string {
  const code = login.authenticatorKey
    ? ` For the 6-digit code, add the key ${login.authenticatorKey} to an authenticator app, or paste it on the account as the authenticator secret so ECF Desk makes the code.`
    : '';
  return `${login.loginId} (password ${login.password}): ${login.role}.${code}`;
}

/** The Help screen's topics, in the order a filer meets them: whom to call, deadlines, trouble, then the court's error messages. */
export const filingHelp: readonly FilingHelpTopic[] = [
  {
    // FAQ 06 and the FAQ's header: the CM/ECF Help Desk, 8:30 a.m. to 5:00 p.m. Eastern.
    id: 'cmecf-help-desk',
    title: 'Questions about filing: the CM/ECF Help Desk',
    faq: 'FAQ 06',
    courtMessage: null,
    paragraphs: [
      'The court’s CM/ECF Help Desk answers questions about filing in CM/ECF, about a case, and about the computer and software the court’s system needs.',
      'It answers the phone from 8:30 a.m. to 5:00 p.m. Eastern Time. Outside those hours, send an email, and see the topics on filing after hours and on a deadline that is near.',
      'The Help Desk can help only with the U.S. Court of International Trade, not with other courts (FAQ 47).',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 06, 15, 17 and the FAQ's header: PACER questions go to the PACER Service Center, 8:00 a.m. to 6:00 p.m. Central.
    id: 'pacer-service-center',
    title: 'Questions about PACER accounts: the PACER Service Center',
    faq: 'FAQ 06',
    courtMessage: null,
    paragraphs: [
      'PACER is the login that every federal court uses. The PACER Service Center, not the court, handles PACER accounts: logins, lost passwords, fees and upgrades for filing.',
      'It answers the phone from 8:00 a.m. to 6:00 p.m. Central Time, which is one hour behind the court’s Eastern Time.',
    ],
    contact: pacerServiceCenter,
  },
  {
    // FAQ 14-18: a PACER login goes to the PACER Service Center, a lost CM/ECF password to the court's Help Desk.
    id: 'logging-in',
    title: 'Logging in: a password that is refused or lost',
    faq: 'FAQ 14–18',
    courtMessage: null,
    paragraphs: [
      'ECF Desk logs in with your PACER username and password, the login every federal court uses. If PACER refuses them, or you have lost your PACER username or password, the PACER Service Center helps, by phone, by email or on PACER’s website (FAQ 15, 17).',
      'If you have lost your CM/ECF password, contact the court’s CM/ECF Help Desk, not PACER (FAQ 16).',
      'A Confidential Information Filer changes the password on PACER’s website: log in, choose Manage My Account, then Change Password (FAQ 18).',
      'If you registered but have not yet received a login and password, ask the PACER Service Center (FAQ 14).',
    ],
    contact: pacerServiceCenter,
    alsoContact: citHelpDesk,
  },
  {
    // FAQ 07, 11, 12: filing needs the filer's own upgraded PACER account; FAQ 22: so does receiving NEFs.
    id: 'pacer-account-for-filing',
    title: 'Filing and receiving notices need your own upgraded PACER account',
    faq: 'FAQ 07, 11, 12, 22',
    courtMessage: null,
    paragraphs: [
      'To file, you need your own upgraded PACER account, linked to your filing access with this court. A PACER account your firm, agency or company shares is enough to view documents, not to file (FAQ 07, 12).',
      'You also need an upgraded PACER account to receive Notices of Electronic Filing when there is docket activity in your cases (FAQ 22).',
      'A PACER account created after August 11, 2014 is already upgraded; PACER’s website explains how to check an older one (FAQ 11). An attorney admitted to the court after March 12, 2020 also requests filing access from the court (FAQ 07).',
      'On the Accounts screen, add your own account as a filer. A shared account added as view only may not file.',
    ],
    contact: pacerServiceCenter,
  },
  {
    // FAQ 35: the filer's login and password are the signature; ECF Desk binds it to one filer account.
    id: 'signing-a-filing',
    title: 'Signing a filing: your login is your signature',
    faq: 'FAQ 12, 35',
    courtMessage: null,
    paragraphs: [
      'The login and password of the filing attorney serve as their signature on everything filed under them (FAQ 35). Other signatures, as on a stipulation, go on the document as “/s/ Name”.',
      'In ECF Desk the attorney signs on the review step, logged in with their own filer account; the signature carries the name typed there (kept with the account). A shared view-only account may not sign (FAQ 12).',
      'A signed filing is sent only under the signing attorney’s own login. If another filer is logged in when it would go, it waits and says whose login sends it.',
      'Any change to what was signed — a document added, removed or replaced, the event, the parties or the docket text — takes the signature back: the attorney reviews and signs again.',
    ],
    contact: null,
  },
  {
    // FAQ 13: a Request for Change in Information form, the forms in each active case, and the PACER account itself.
    id: 'leaving-a-firm',
    title: 'You are leaving your law firm',
    faq: 'FAQ 13',
    courtMessage: null,
    paragraphs: [
      'Tell the court by submitting a Request for Change in Information form. If you appear in active cases before the court, file the appropriate forms in each of those cases.',
      'If you have your own PACER account, update it yourself on PACER’s website, on the Manage My PACER Account page.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 03, 04, 34: the Rules, forms, Administrative Orders and the User's Manual are on the court's website, free.
    id: 'court-rules-and-forms',
    title: 'Where to find the court’s rules and forms',
    faq: 'FAQ 03, 04, 34',
    courtMessage: null,
    paragraphs: [
      'The Rules of the Court and the forms that go with them are on the court’s website, with its Administrative Orders and slip opinions. Reading them needs no PACER or CM/ECF account (FAQ 03, 34).',
      'The court’s CM/ECF forms are on the same website (FAQ 34).',
      'So is the NextGen CM/ECF and PACER User’s Manual, which the court recommends reading once you have your login. PACER’s website has free training and video tutorials (FAQ 04).',
      'ECF Desk opens no web pages: copy the court’s address below into your web browser.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 04: the court points new filers to training before they file; ECF Desk's own training court is where to
    // practise, on this computer, with nothing filed for real.
    id: 'training-court',
    title: 'Practising with the training court',
    faq: 'FAQ 04',
    courtMessage: null,
    paragraphs: [
      'ECF Desk starts with its own training court: a practice court, or test court, on this computer, with CIT-style cases, docket events, notices and fees, none of them real. Nothing filed there reaches the U.S. Court of International Trade and nothing costs money. The header shows which court ECF Desk is using; choose the real court in Settings when you are ready to file for real.',
      'Its PACER logins, with their training passwords (they open nothing real):',
      ...trainingLogins.map(describeTrainingLogin),
      `What to try: ${trainingFirstSteps}`,
      'The court’s own training is on PACER’s website, with free training and video tutorials, and in the NextGen CM/ECF and PACER User’s Manual (FAQ 04).',
    ],
    contact: null,
  },
  {
    // FAQ 27: timely if filed before midnight Eastern. FAQ 28: filed only once the Notice of Electronic Filing arrives.
    id: 'when-a-filing-is-due',
    title: 'When a filing is due, and when it counts as filed',
    faq: 'FAQ 27, 28',
    courtMessage: null,
    paragraphs: [
      'Unless the court has ordered otherwise, an electronic filing is on time if it is filed before midnight Eastern Time on the day it is due. The court’s clock counts, not yours: midnight Eastern is 9:00 p.m. in California.',
      'A document counts as filed only when CM/ECF sends its Notice of Electronic Filing. Until that notice arrives, the court does not treat the document as filed, even if you pressed Submit.',
      'File early enough to receive the Notice of Electronic Filing before midnight Eastern, and keep a copy of the notice with the case file.',
    ],
    contact: null,
  },
  {
    // FAQ 30: the docket-event search, and Z-motion or Z-document after Clerk's Office hours to preserve the filing date.
    id: 'filing-after-hours',
    title: 'Filing after office hours: Z-motion and Z-document',
    faq: 'FAQ 30',
    courtMessage: null,
    paragraphs: [
      'Every filing goes under a docket event, such as a motion or a notice. If you cannot find the right one, search for it: ECF Desk searches the court’s events, and CM/ECF has a Search button on the right of its toolbar.',
      'The Clerk’s Office is open from 8:30 a.m. to 5:00 p.m. Eastern Time. During those hours, call the Help Desk if the search does not find your event.',
      'After hours, nobody at the court can help you choose. If you still cannot find the event, file under the docket event Z-motion or Z-document. The court offers these events so that your filing keeps the date you filed it.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 25, 36: every registered attorney and pro se party, and secondary addresses, receive the NEF, which is service.
    // FAQ 37-38: paper service, with a certificate, for the rest. FAQ 22, 26: when notices do not come.
    id: 'notices-and-service',
    title: 'Who receives the court’s notices, and who must be served on paper',
    faq: 'FAQ 22, 25, 26, 36–38',
    courtMessage: null,
    paragraphs: [
      'When a document is filed, CM/ECF sends its Notice of Electronic Filing to the counsel and pro se parties in the case who are registered with CM/ECF, and to the secondary e-mail addresses linked to their accounts (FAQ 25, 36).',
      'Unless the court orders otherwise, the filing and that notice are the service on every counsel and pro se party registered with CM/ECF (FAQ 36). A certificate of service is needed only for parties you serve on paper (FAQ 38).',
      'Serve on paper the documents not filed electronically, initial filings the Rules require to be served, and pro se parties not registered with CM/ECF (FAQ 37). ECF Desk’s review asks for a certificate of service when a party of the case is not served electronically.',
      'Not getting notices? Receiving them needs an upgraded PACER account (FAQ 22). Check that you are listed as an attorney of record on the docket, and that your e-mail server or spam filter does not hold back the court’s mail; then call the Help Desk (FAQ 26).',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 23-25: one free look per recipient; FAQ 20: PACER's fees; FAQ 21: no fee for filing through CM/ECF itself.
    id: 'free-looks-and-fees',
    title: 'One free look at each document, and PACER’s fees',
    faq: 'FAQ 20, 21, 23–25',
    courtMessage: null,
    paragraphs: [
      'Each Notice of Electronic Filing links to the document filed. The first look through that link is free, and you may print or save the document then. Every attorney of record gets one, and so does anyone else who receives the notice, secondary addresses included (FAQ 23–25).',
      'After the free look, and for the docket sheet, PACER charges its access fees; PACER’s website lists them (FAQ 20, 23).',
      'ECF Desk saves each document with its free look as soon as the notice arrives, and never pays without your word: a document that costs money shows its price first.',
      'Filing through CM/ECF costs nothing extra. Initiating documents and notices of appeal may require filing fees under the Rules of the Court (FAQ 21).',
    ],
    contact: pacerServiceCenter,
  },
  {
    // FAQ 41: Motion to Intervene, Form 11, Form 13, Form 17 (attorneys), Form 17 (consultants), each filed separately.
    id: 'intervention-package',
    title: 'A Motion to Intervene and the forms that follow it',
    faq: 'FAQ 41',
    courtMessage: null,
    paragraphs: [
      'File each document separately, in this order: the Motion to Intervene, the Form 11 Notice of Appearance, the Form 13 Disclosure of Corporate Affiliations and Financial Interest, the Form 17 Business Proprietary Information Certification for attorneys, then the Form 17 for consultants.',
      'ECF Desk keeps the documents of such a package in this order and files them one at a time.',
    ],
    contact: null,
  },
  {
    // FAQ 31: call the Help Desk at once and, when the case is assigned, the judge's Case Manager.
    id: 'computer-fails-near-deadline',
    title: 'The deadline is near and your computer fails',
    faq: 'FAQ 31',
    courtMessage: null,
    paragraphs: [
      'If your computer, network or software stops you from filing as a deadline comes close, the court needs to hear about it before the deadline passes, not afterwards.',
      'Call the CM/ECF Help Desk at once and tell them what is happening. If the case is assigned to a judge, also call that judge’s Case Manager as soon as you can.',
      'Note what failed and when, with any message on the screen, so you can tell the court exactly what happened.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 47 and Administrative Order 02-01, paragraph 10(a): technical failures of the court's CM/ECF system.
    id: 'internal-server-error',
    title: 'The court’s system fails: “Internal Server Error”',
    faq: 'FAQ 47',
    courtMessage: 'Internal Server Error',
    paragraphs: [
      'This message comes from the court’s CM/ECF system, not from your computer or from ECF Desk. It means CM/ECF could not finish what you asked it to do.',
      'Call or email the CM/ECF Help Desk and tell them about the error: what you were filing, in which case, and at what time.',
      'When the court’s system fails, paragraph 10(a) of the court’s Administrative Order 02-01 says what to do about the technical failure. Read it at once if a deadline is near.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 32: mistakes in a filing are corrected through the Help Desk.
    id: 'correcting-a-filing',
    title: 'You made a mistake in a filing',
    faq: 'FAQ 32',
    courtMessage: null,
    paragraphs: [
      'If you filed the wrong document, in the wrong case or under the wrong docket event, the mistake is on the court’s docket, and the other parties have received a notice of it.',
      'Contact the CM/ECF Help Desk by phone during office hours or by email. Say which case and which docket entry, and what went wrong; they will tell you how to correct it.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 33 and Rule 80(h): physical exhibits and classified documents are delivered, not filed electronically.
    id: 'documents-not-filed-electronically',
    title: 'Documents that cannot be filed electronically',
    faq: 'FAQ 33',
    courtMessage: null,
    paragraphs: [
      'Physical exhibits and items, and classified documents, are not filed in CM/ECF. Send them or bring them to the court.',
      'File a Notice of Manual Filing to go with them and, where it applies, a Form 23 Certification of Filing and Service of Physical Exhibit or Item (Rule 80(h)).',
      'ECF Desk files electronic documents only; it cannot deliver anything to the court for you.',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 29, 42-44: PDF only; scans at 300 dpi, made text searchable.
    id: 'scanned-documents',
    title: 'Making a PDF, and scanning paper documents',
    faq: 'FAQ 29, 42–44',
    courtMessage: null,
    paragraphs: [
      'The court accepts documents in PDF only, because a PDF keeps its pages, formatting and fonts on any computer (FAQ 29, 42). Your word processor or PDF software makes the PDF; see its instructions (FAQ 43).',
      'Scan a paper document at 300 dpi and make the PDF text searchable, for example with the “Paper Capture” feature of Adobe Acrobat (FAQ 44).',
      'ECF Desk points out, before you file, pages that are only pictures of text and pages scanned below 300 dpi.',
      'If the document cannot be scanned, contact the Help Desk and, if the case is assigned to a judge, that judge’s Case Manager (FAQ 44).',
    ],
    contact: citHelpDesk,
  },
  {
    // FAQ 45: suppressed text and metadata left in a public version can be read by anyone.
    id: 'redaction-and-metadata',
    title: 'Redacted text that others can still read',
    faq: 'FAQ 45',
    courtMessage: null,
    paragraphs: [
      'A public version can show what you meant to hide. How the text was suppressed matters: a black box drawn over text leaves the text in the file, and metadata left behind can be read by anyone who views the document.',
      'ECF Desk blocks a PDF with boxes over text that is still there, or with redaction marks never applied. It points out document properties, earlier versions, hidden layers and comments, and its “Make a clean copy” fix removes them.',
      'A box drawn over text cannot be fixed by a copy: redact with a real redaction tool (in Adobe Acrobat: Redact, mark the text, then Apply), save, and check the file again. The court’s Technical Broadcast on Metadata explains more.',
    ],
    contact: null,
  },
  {
    // FAQ 48: at most 50 MB a file; a larger document is broken into logical divisions.
    id: 'file-over-50-mb',
    title: 'The court refuses a file over 50 MB',
    faq: 'FAQ 48',
    courtMessage: "You cannot load this file because it's over 50 Megabytes (MB)",
    paragraphs: [
      'The court accepts no single file larger than 50 MB. Large files are usually scanned documents.',
      'Split the document into logical parts, each under 50 MB, and file the parts. A part should begin at a sensible place, such as a new exhibit.',
      'ECF Desk checks each file before you file: a file over 50 MB blocks the filing until it is split, and the “Split into parts under 50 MB” fix does the splitting. Look at where each part begins before you file them.',
    ],
    contact: null,
  },
  {
    // FAQ 49: scripts and actions are refused; the court's own advice is to print to a new PDF at 300 dpi.
    id: 'malformed-or-external-action',
    title: 'The court refuses a PDF that “contains code”',
    faq: 'FAQ 49',
    courtMessage:
      'ERROR: Document is malformed or contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted.',
    paragraphs: [
      'The court refuses PDFs that contain code: scripts, or actions that open another program or a web page. Such code could run on the computers of the court and of everyone who opens the document.',
      'ECF Desk looks for scripts and actions before you file. Its “Make a clean copy” fix writes a new copy without them; file the clean copy.',
      'The court’s own advice is to print the PDF again to a new PDF: in Adobe Acrobat choose File, then Print, and the Adobe PDF printer; under Properties, Paper/Quality, Advanced, set Print Quality to 300 dpi. Then file the new PDF.',
      'Since NextGen CM/ECF release 1.8, CM/ECF also refuses PDFs with files attached inside them or with sound, video or 3D content, and asks for fillable forms to be flattened. The clean copy removes attachments and media; the “Flatten the form” fix flattens a form.',
    ],
    contact: null,
  },
  {
    // FAQ 50: only PDF files are accepted.
    id: 'not-a-well-formed-pdf',
    title: 'The court says the file is “not a well-formed PDF”',
    faq: 'FAQ 50',
    courtMessage: 'ERROR: Document is not a well-formed PDF document',
    paragraphs: [
      'The court accepts only PDF files. This message means the file is not a PDF, or is damaged so badly that it cannot be read as one.',
      'Check that the file name ends in .pdf and that the file opens in a PDF reader. If it is a word-processing file, save or print it as a PDF first.',
      'ECF Desk marks a file that is not a PDF, or is damaged, before you file.',
    ],
    contact: null,
  },
  {
    // FAQ 51: password protection and access restrictions must be removed before filing.
    id: 'security-measures-in-effect',
    title: 'The court refuses a PDF with a password or restrictions',
    faq: 'FAQ 51',
    courtMessage:
      'ERROR: This document has security measures in effect, such as password protection or access restriction. This PDF document cannot be accepted.',
    paragraphs: [
      'The PDF is locked: it has a password, or restrictions on printing, copying or changing it. The court refuses locked PDFs because it must be able to open, keep and share every document filed.',
      'Open the file in Adobe Acrobat, turn off its security, including any password, save it, and file it again.',
      'ECF Desk marks a locked PDF before you file, and the filing cannot go to the court until it is unlocked.',
      'A PDF that opens without a password but carries restrictions: the “Make a clean copy” fix writes a copy without the restrictions; file the clean copy.',
      'A PDF that needs a password to open: ECF Desk cannot remove that password. Open the file in Adobe Acrobat with its password, turn off its security, save an unprotected copy and add that copy instead.',
    ],
    contact: null,
  },
  {
    // FAQ 52: the iquery.pl message is cured by clearing the web browser's cache.
    id: 'query-security-violation',
    title: 'Query says “Security violation” (iquery.pl)',
    faq: 'FAQ 52',
    courtMessage:
      'Security violation: You do not have access rights to this program (iquery.pl). Please contact the Systems Administrator if you feel this is in error. This access attempt has been logged.',
    paragraphs: [
      'This message comes from the Query page of CM/ECF, opened in a web browser. It concerns the court’s web site, not ECF Desk.',
      'Most often the web browser’s saved pages (its cache) are out of date. Clear the browser’s cache and cookies, close the browser, open it again and log in.',
      'If the message still appears, contact the CM/ECF Help Desk.',
    ],
    contact: citHelpDesk,
  },
];
