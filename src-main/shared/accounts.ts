import { z } from 'zod';
import { courtProfileId } from './domain';

/**
 * PACER accounts and court sessions as the renderer sees them. Secrets travel one way only: a password, a TOTP
 * secret or a one-time code goes from the renderer to main inside a call's arguments; no result and no event
 * ever carries one back (a contract test checks every channel).
 */

/** FAQ 12: a filer's upgraded PACER account; a confidential information filer; a firm's shared account that only views. */
export const accountKind = z.enum(['filer', 'confidential-filer', 'view-only']);
/** An account's kind. */
export type AccountKind = z.infer<typeof accountKind>;

/** How the 6-digit code is found at login: none, asked each time, or generated from a secret kept in the keychain. */
export const mfaMode = z.enum(['none', 'prompt', 'stored-secret']);
/** An account's MFA mode. */
export type MfaMode = z.infer<typeof mfaMode>;

/** FAQ 19: a client code is at most 32 characters. */
export const clientCode = z.string().trim().max(32, 'A client code is at most 32 characters (FAQ 19).');

/** A saved PACER account. `passwordSaved` says whether the keychain holds its password; the password never leaves main. */
export const account = z.object({
  id: z.string(),
  courtProfile: courtProfileId,
  loginId: z.string(),
  /** The attorney's name as a `/s/` signature reads it (FAQ 35); empty until given. */
  name: z.string(),
  /** Bar admission or the party the filer represents, shown with the signature; empty until given. */
  role: z.string(),
  kind: accountKind,
  defaultClientCode: z.string().nullable(),
  mfaMode,
  passwordSaved: z.boolean(),
  totpSecretSaved: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A saved account. */
export type Account = z.infer<typeof account>;

/** Whether passwords can be kept, and where. */
export const keychainStatus = z.object({
  /** The OS keychain's name as users know it ("macOS Keychain", "Windows Credential Manager", "Secret Service"). */
  name: z.string(),
  isAvailable: z.boolean(),
  /** The `allowCredentialStorage` setting (lockable by machine policy): false means nothing is stored. */
  isStorageAllowed: z.boolean(),
  /** Why passwords are asked at each login, in plain words; null when they can be saved. */
  message: z.string().nullable(),
});
/** The keychain's state. */
export type KeychainStatus = z.infer<typeof keychainStatus>;

/** What adding or editing an account sends. `password`/`totpSecret` replace what the keychain holds; absent, they stay. */
export const accountInput = z
  .object({
    id: z.string().min(1).max(100).optional(),
    courtProfile: courtProfileId.optional(),
    loginId: z.string().trim().min(1, 'Enter the PACER username.').max(80),
    name: z.string().trim().max(120).optional(),
    role: z.string().trim().max(120).optional(),
    kind: accountKind,
    defaultClientCode: clientCode.nullable(),
    mfaMode,
    password: z.string().min(1).max(256).optional(),
    /** Base32, as PACER shows it when an authenticator app is added (spaces allowed). */
    totpSecret: z
      .string()
      .max(256)
      .regex(/^[A-Za-z2-7=\s]+$/, 'An authenticator secret has only the letters A–Z and digits 2–7.')
      .optional(),
  })
  .strict();
/** An add or edit of an account. */
export type AccountInput = z.input<typeof accountInput>;

/** The court session held in main's memory; its token never leaves main. */
export const sessionStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('logged-out') }),
  z.object({
    state: z.literal('logged-in'),
    accountId: z.string(),
    loginId: z.string(),
    courtProfile: courtProfileId,
    kind: accountKind,
    /** FAQ 12: a shared view-only account may not file. */
    mayFile: z.boolean(),
    clientCode: z.string().nullable(),
    since: z.string(),
    expiresAt: z.string().nullable(),
  }),
]);
/** The court session. */
export type SessionStatus = z.infer<typeof sessionStatus>;

/** The FAQ's login troubles, each with its contact. */
export const loginHelpTopic = z.enum(['login-not-working', 'account-not-upgraded', 'locked', 'court-unreachable']);
/** A help topic. */
export type LoginHelpTopic = z.infer<typeof loginHelpTopic>;

/** Why a login did not happen, in categories the screen can act on. */
export const loginRefusal = z.enum([
  'invalid-credentials',
  'locked',
  'redaction-required',
  'client-code',
  'throttled',
  'unreachable',
  'not-upgraded',
  'other',
]);

/** What a login (or an account test) came to. */
export const loginOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('logged-in'), session: sessionStatus, warning: z.string().nullable() }),
  /** The court asked for the 6-digit code (or the stored secret is missing). */
  z.object({ outcome: z.literal('needs-otp'), message: z.string() }),
  /** No password is stored (storage off, keychain unavailable, or not saved): ask for it. */
  z.object({ outcome: z.literal('needs-password'), message: z.string() }),
  /** Filers must acknowledge the redaction rules (Fed. R. Civ. P. 5.2) before the app sends `redactFlag`. */
  z.object({ outcome: z.literal('needs-redaction-acknowledgement'), message: z.string() }),
  z.object({
    outcome: z.literal('refused'),
    reason: loginRefusal,
    message: z.string(),
    courtMessage: z.string().nullable(),
    help: loginHelpTopic,
  }),
]);
/** A login's outcome. */
export type LoginOutcome = z.infer<typeof loginOutcome>;

/** A login request: the secrets the user typed, if any, go in; none comes back. */
export const loginRequest = z
  .object({
    accountId: z.string().min(1).max(100),
    password: z.string().min(1).max(256).optional(),
    otpCode: z
      .string()
      .regex(/^\d{6}$/, 'The code has 6 digits.')
      .optional(),
    clientCode: clientCode.optional(),
    acknowledgesRedaction: z.boolean(),
  })
  .strict();
/** A login request. */
export type LoginRequest = z.input<typeof loginRequest>;
