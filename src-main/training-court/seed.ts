/**
 * What a fresh training court holds: CIT-style cases, their parties and attorneys, and PACER accounts that cover
 * every login outcome the app must handle. The passwords are training passwords, printed in the README.
 */
export type AccountKind = 'filer' | 'confidential-filer' | 'view-only';

/** A PACER account as the court's login service knows it. */
export interface SeedAccount {
  readonly loginId: string;
  readonly password: string;
  readonly kind: AccountKind;
  /** Base32 TOTP secret when the account has MFA (RFC 6238, 30 s, 6 digits). */
  readonly mfaSecret: string | null;
  readonly isLocked: boolean;
  /** The firm requires a client code on every search (the login succeeds with a warning without one). */
  readonly requiresClientCode: boolean;
  /** The attorney this login files as; null for the firm's shared viewing account. */
  readonly attorneyId: string | null;
}

/** An attorney of record. */
export interface SeedAttorney {
  readonly id: string;
  /** As CM/ECF prints names: "Morgan, Jane". */
  readonly name: string;
  readonly firm: string;
  readonly email: string;
  readonly secondaryEmails: readonly string[];
  /** Registered for electronic service: gets NEFs (FAQ 36). */
  readonly isRegisteredForEService: boolean;
  /** The "Verify free look use" option: doc1 links show a confirmation page unless `use_magic=1`. */
  readonly verifiesFreeLook: boolean;
  readonly addressLines: readonly string[];
}

/** A party in a case; a pro se party has no attorney and maybe no e-service. */
export interface SeedParty {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly attorneyIds: readonly string[];
  /** Set for a party who represents themself; served by mail when not registered (FAQ 37). */
  readonly proSe: { readonly email: string | null; readonly addressLines: readonly string[] } | null;
}

/**
 * Where a party not served electronically is served by mail (FAQ 37–38): a pro se party's address lines as one line,
 * without the first line when it only repeats the party's name; null when the court has no address for it.
 */
export function mailingAddressOf(party: SeedParty): string | null {
  const lines = (party.proSe?.addressLines ?? []).map((line) => line.trim()).filter((line) => line !== '');
  const address = (lines[0] === party.name ? lines.slice(1) : lines).join(', ');
  return address === '' ? null : address;
}

/** A case on the court's docket. */
export interface SeedCase {
  readonly caseId: number;
  /** "1:26-cv-00123" */
  readonly caseNumber: string;
  /** Assigned judge(s); a three-judge panel has three. */
  readonly judgeInitials: readonly string[];
  readonly caption: string;
  readonly filedOn: string;
  readonly parties: readonly SeedParty[];
}

/** The whole seed. */
export interface TrainingCourtSeed {
  readonly accounts: readonly SeedAccount[];
  readonly attorneys: readonly SeedAttorney[];
  readonly cases: readonly SeedCase[];
}

const doj = [
  'Commercial Litigation Branch, Civil Division',
  'U.S. Department of Justice',
  'P.O. Box 480, Ben Franklin Station',
  'Washington, DC 20044',
];

/** The built-in seed ("cit-default"). */
export const defaultSeed: TrainingCourtSeed = {
  accounts: [
    {
      loginId: 'jmorgan',
      password: 'Training-Morgan-1',
      kind: 'filer',
      mfaSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      isLocked: false,
      requiresClientCode: false,
      attorneyId: 'morgan',
    },
    {
      loginId: 'dchen',
      password: 'Training-Chen-2',
      kind: 'filer',
      mfaSecret: null,
      isLocked: false,
      requiresClientCode: true,
      attorneyId: 'chen',
    },
    {
      loginId: 'rpatel',
      password: 'Training-Patel-3',
      kind: 'confidential-filer',
      mfaSecret: null,
      isLocked: false,
      requiresClientCode: false,
      attorneyId: 'patel',
    },
    {
      loginId: 'firmview',
      password: 'Training-View-4',
      kind: 'view-only',
      mfaSecret: null,
      isLocked: false,
      requiresClientCode: false,
      attorneyId: null,
    },
    {
      loginId: 'lockedout',
      password: 'Training-Locked-5',
      kind: 'filer',
      mfaSecret: null,
      isLocked: true,
      requiresClientCode: false,
      attorneyId: 'okafor',
    },
    {
      loginId: 'twalsh',
      password: 'Training-Walsh-6',
      kind: 'filer',
      mfaSecret: null,
      isLocked: false,
      requiresClientCode: false,
      attorneyId: 'walsh',
    },
  ],
  attorneys: [
    {
      id: 'morgan',
      name: 'Morgan, Jane',
      firm: 'Morgan & Reyes LLP',
      email: 'jmorgan@morganreyes.example',
      secondaryEmails: ['docketing@morganreyes.example'],
      isRegisteredForEService: true,
      verifiesFreeLook: false,
      addressLines: ['Morgan & Reyes LLP', '1200 K Street NW', 'Washington, DC 20005'],
    },
    {
      id: 'chen',
      name: 'Chen, David',
      firm: 'Chen Trade Law PLLC',
      email: 'dchen@chentrade.example',
      secondaryEmails: [],
      isRegisteredForEService: true,
      verifiesFreeLook: true,
      addressLines: ['Chen Trade Law PLLC', '55 Water Street', 'New York, NY 10041'],
    },
    {
      id: 'patel',
      name: 'Patel, Riya',
      firm: 'Morgan & Reyes LLP',
      email: 'rpatel@morganreyes.example',
      secondaryEmails: ['docketing@morganreyes.example'],
      isRegisteredForEService: true,
      verifiesFreeLook: false,
      addressLines: ['Morgan & Reyes LLP', '1200 K Street NW', 'Washington, DC 20005'],
    },
    {
      id: 'walsh',
      name: 'Walsh, Thomas',
      firm: 'U.S. Department of Justice',
      email: 'thomas.walsh@usdoj.example',
      secondaryEmails: [],
      isRegisteredForEService: true,
      verifiesFreeLook: false,
      addressLines: doj,
    },
    {
      id: 'okafor',
      name: 'Okafor, Ngozi',
      firm: 'Okafor Customs Law',
      email: 'nokafor@okaforlaw.example',
      secondaryEmails: [],
      isRegisteredForEService: true,
      verifiesFreeLook: false,
      addressLines: ['Okafor Customs Law', '400 Market Street', 'Philadelphia, PA 19106'],
    },
  ],
  cases: [
    {
      caseId: 1017,
      caseNumber: '1:26-cv-00123',
      judgeInitials: ['MMB'],
      caption: 'Acme Steel Corp. v. United States',
      filedOn: '2026-03-02',
      parties: [
        { id: 'acme', name: 'Acme Steel Corp.', role: 'Plaintiff', attorneyIds: ['morgan', 'patel'], proSe: null },
        { id: 'us-1017', name: 'United States', role: 'Defendant', attorneyIds: ['walsh'], proSe: null },
      ],
    },
    {
      caseId: 1024,
      caseNumber: '1:26-cv-00145',
      judgeInitials: ['GWC', 'TCS', 'LMG'],
      caption: 'Pacific Coast Importers Association v. United States',
      filedOn: '2026-04-14',
      parties: [
        {
          id: 'pcia',
          name: 'Pacific Coast Importers Association',
          role: 'Plaintiff',
          attorneyIds: ['chen'],
          proSe: null,
        },
        { id: 'us-1024', name: 'United States', role: 'Defendant', attorneyIds: ['walsh'], proSe: null },
        {
          id: 'harbor',
          name: 'Harbor Fasteners Inc.',
          role: 'Defendant-Intervenor',
          attorneyIds: ['morgan'],
          proSe: null,
        },
      ],
    },
    {
      caseId: 1031,
      caseNumber: '1:26-cv-00201',
      judgeInitials: ['JAR'],
      caption: 'Brennan v. United States',
      filedOn: '2026-06-09',
      parties: [
        {
          id: 'brennan',
          name: 'Harold Brennan',
          role: 'Plaintiff',
          attorneyIds: [],
          proSe: { email: null, addressLines: ['Harold Brennan', '18 Orchard Lane', 'Burlington, VT 05401'] },
        },
        { id: 'us-1031', name: 'United States', role: 'Defendant', attorneyIds: ['walsh'], proSe: null },
      ],
    },
    {
      caseId: 1040,
      caseNumber: '1:26-cv-00233',
      judgeInitials: ['CRK'],
      caption: 'Lumina Solar Components Co. v. United States',
      filedOn: '2026-07-21',
      parties: [
        {
          id: 'lumina',
          name: 'Lumina Solar Components Co.',
          role: 'Plaintiff',
          attorneyIds: ['okafor', 'morgan'],
          proSe: null,
        },
        { id: 'us-1040', name: 'United States', role: 'Defendant', attorneyIds: ['walsh'], proSe: null },
      ],
    },
  ],
};

/** "1:26-cv-00123-GWC-TCS-LMG": the case number with its judges' initials, as notices print it. */
export function caseNumberWithJudges(courtCase: Pick<SeedCase, 'caseNumber' | 'judgeInitials'>): string {
  return [courtCase.caseNumber, ...courtCase.judgeInitials].join('-');
}
