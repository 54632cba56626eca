import { z } from 'zod';

/**
 * What a desktop and the firm server say to each other (docs/firm-server.md#connecting-a-desktop): the server's
 * answers as the desktop reads them, checked with these schemas, since an answer from the network is untrusted.
 */

/** What a user does at the firm. Docketing staff see every case; the others see their case teams' cases. */
export const firmRoles = ['docketing', 'attorney', 'paralegal', 'admin'] as const;

/** `GET /health`: answered without a token. */
export const firmServerHealth = z.object({
  ok: z.boolean(),
  database: z.string().max(40),
  schemaVersion: z.number().int().min(0).optional(),
});

/** `GET /api/me`: the user a token stands for. */
export const firmServerUser = z.object({
  name: z.string().min(1).max(200),
  role: z.enum(firmRoles),
  /** The cases whose teams the user is on. */
  cases: z.array(z.string().max(100)).max(100_000),
  /** Whether the user sees every case (docketing staff). */
  seesEveryCase: z.boolean(),
});
/** The user a desktop is connected as. */
export type FirmServerUser = z.infer<typeof firmServerUser>;

/**
 * The desktop's connection to the firm server: `not-set` (no address), `no-token` (an address, set by policy or kept
 * from before, but no token in the keychain), `connected`, `token-refused` (the server no longer knows the token) or
 * `unreachable` (no answer, or not a firm server's).
 */
export const firmServerStatus = z.object({
  url: z.string().nullable(),
  /** Where the machine policy naming the address was read, when one does: the user cannot change it. */
  managedBy: z.string().nullable(),
  state: z.enum(['not-set', 'no-token', 'connected', 'token-refused', 'unreachable']),
  user: firmServerUser.nullable(),
  /** What is wrong and what to do, when the state is not `connected` or `not-set`. */
  message: z.string().nullable(),
});
/** The desktop's connection to the firm server. */
export type FirmServerStatus = z.infer<typeof firmServerStatus>;

/** The longest token the desktop accepts: the server's are about 50 characters (a prefix and 32 random bytes in base64url). */
export const maxFirmTokenLength = 200;

/** Connecting: the server's address (ignored while policy sets one) and the user's token (absent: the one kept). */
export const firmServerConnection = z
  .object({
    url: z.string().min(1).max(2048),
    token: z.string().min(1).max(maxFirmTokenLength).optional(),
  })
  .strict();
/** What the user gives to connect. */
export type FirmServerConnection = z.infer<typeof firmServerConnection>;
