import { z } from 'zod';

/**
 * What a certificate of service says: the filing it goes with, how each party was served and who signs it. FAQ 38: a
 * certificate is needed only for parties served other than electronically; FAQ 36: the court's notice is service on
 * everyone registered with CM/ECF, so they are listed as served "through the court's CM/ECF system".
 */

/** How a party was served: by the court's notice (FAQ 36) or by other means (FAQ 37). */
export const serviceMethod = z.enum(['electronic', 'mail', 'hand', 'email']);
/** A service method. */
export type ServiceMethod = z.infer<typeof serviceMethod>;

/** The most parties one certificate lists (a case's parties as the court lists them are far fewer). */
export const maxServedParties = 200;

/** A bounded line of text; `label` names it in the message. */
function text(label: string, max: number, isRequired = true) {
  const bounded = z.string().trim().max(max, `${label} is longer than ${max} characters.`);
  return isRequired ? bounded.min(1, `${label} is empty.`) : bounded;
}

/** `YYYY-MM-DD` for a day that exists (no February 30th). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** One party and how it was served. */
export const servedParty = z
  .object({
    name: text('A party’s name', 200),
    role: text('A party’s role', 120, false),
    method: serviceMethod,
    /** The mailing address (mail, hand) or e-mail address (e-mail) it was served at; unused for electronic service. */
    address: text('A party’s address', 500, false).optional(),
  })
  .strict();
/** A served party. */
export type ServedParty = z.infer<typeof servedParty>;

/** Who signs the certificate: `/s/ Name`, then the firm, address and e-mail (each line left out when empty). */
export const serviceSigner = z
  .object({
    name: text('The signer’s name', 120),
    firm: text('The signer’s firm', 120, false),
    address: text('The signer’s address', 500, false),
    email: text('The signer’s e-mail', 254, false),
  })
  .strict();
/** A certificate's signer. */
export type ServiceSigner = z.infer<typeof serviceSigner>;

const wordsFor: Record<Exclude<ServiceMethod, 'electronic'>, string> = {
  mail: 'by mail, so give the mailing address it was sent to',
  hand: 'by hand, so give the address it was delivered to',
  email: 'by e-mail, so give the e-mail address it was sent to',
};

/** Everything a certificate of service is made from (the `ecf-desk certificate-of-service` JSON file). */
export const serviceInput = z
  .object({
    court: text('The court', 200),
    caseNumber: text('The case number', 60),
    caption: text('The caption', 500),
    documentTitle: text('The document title', 300),
    date: z
      .string()
      .max(10)
      .refine(isCalendarDate, 'The date is not a real day written YYYY-MM-DD (such as 2026-12-05).'),
    signer: serviceSigner,
    parties: z
      .array(servedParty)
      .min(1, 'List at least one party served.')
      .max(maxServedParties, `A certificate lists at most ${maxServedParties} parties.`),
  })
  .strict()
  .superRefine((input, context) => {
    input.parties.forEach((party, index) => {
      if (party.method !== 'electronic' && !party.address) {
        context.addIssue({
          code: 'custom',
          path: ['parties', index, 'address'],
          message: `${party.name} is served ${wordsFor[party.method]}.`,
        });
      }
    });
  });
/** A certificate of service's content. */
export type ServiceInput = z.infer<typeof serviceInput>;

/** Each problem of a refused input on its own line, with where it is ("parties.2.address: …"). */
export function describeServiceProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
