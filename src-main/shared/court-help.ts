import type { LoginHelpTopic } from './accounts';

/** Who answers which question (the FAQ's header and items 06, 35, 47). */
export interface HelpContact {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly hours: string;
  readonly timeZone: string;
  readonly website: string | null;
}

/** PACER questions: passwords, accounts, upgrades, MFA, locked accounts (FAQ header). */
export const pacerServiceCenter: HelpContact = {
  name: 'PACER Service Center',
  phone: '1-800-676-6856',
  email: 'pacer@psc.uscourts.gov',
  hours: '8:00 a.m. to 6:00 p.m.',
  timeZone: 'America/Chicago',
  website: 'https://pacer.uscourts.gov',
};

/** CM/ECF questions: filing, events, errors in the court's system (FAQ header, 06, 47). */
export const citHelpDesk: HelpContact = {
  name: "Court of International Trade CM/ECF Help Desk",
  phone: '1-866-450-1859',
  email: 'cmecf_helpdesk@cit.uscourts.gov',
  hours: '8:30 a.m. to 5:00 p.m.',
  timeZone: 'America/New_York',
  website: 'https://www.cit.uscourts.gov',
};

/** What to tell a user for each login trouble, and whom to call. */
export const loginHelp: Readonly<Record<LoginHelpTopic, { readonly title: string; readonly advice: string; readonly contact: HelpContact }>> = {
  'lost-password': {
    title: 'Forgot the PACER password',
    advice: 'Reset it at pacer.uscourts.gov (Manage My Account → Forgot password). The court cannot reset PACER passwords.',
    contact: pacerServiceCenter,
  },
  'login-not-working': {
    title: 'The login is refused',
    advice: 'Check the username, the password and the 6-digit code (it changes every 30 seconds). After several failures PACER may lock the account.',
    contact: pacerServiceCenter,
  },
  'account-not-upgraded': {
    title: 'The account may not file',
    advice: 'Filing needs a PACER account upgraded for e-filing with this court, not a shared or view-only account (FAQ 12). Ask the court to link your filer registration.',
    contact: citHelpDesk,
  },
  locked: {
    title: 'The account is locked',
    advice: 'PACER locks an account after repeated failed logins or for billing reasons. Only the PACER Service Center can unlock it.',
    contact: pacerServiceCenter,
  },
  'court-unreachable': {
    title: "The court's login service cannot be reached",
    advice: 'Check the network connection. If the court’s system is down near a deadline, see the court’s rules on technical failures (FAQ 47) and call the Help Desk.',
    contact: citHelpDesk,
  },
};
