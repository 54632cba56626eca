import type { Settings } from './domain';

/**
 * Every machine-policy key ECF Desk reads, in one place: the readers, the merge, the settings lock and the
 * Group Policy / configuration-profile / JSON templates all come from this list, so they cannot drift.
 * Descriptions are written for the IT person who deploys the app. No zod here: registry values arrive as
 * strings and DWORDs and are read by `readPolicyValue` below.
 */
export const policyCatalog = {
  courtProfile: {
    type: 'enum',
    title: 'Court',
    values: ['cit-training', 'cit'],
    default: 'cit-training',
    locks: 'courtProfile',
    description:
      'Which court ECF Desk files with: cit-training (the built-in training court, where nothing is really filed) or cit (the U.S. Court of International Trade). Users cannot change it.',
  },
  allowedCourtProfiles: {
    type: 'string-list',
    title: 'Courts users may choose',
    values: ['cit-training', 'cit'],
    minItems: 1,
    default: ['cit-training', 'cit'],
    locks: null,
    description:
      'The courts a user may choose between (cit-training, cit). A user whose choice is not in the list is moved to the first court listed. Ignored when Court is set.',
  },
  pageMapFile: {
    type: 'string',
    title: 'Court page map file',
    format: 'text',
    default: '',
    // Not a value of the setting (that holds a loaded map): isSettingLocked locks it while this is set.
    locks: null,
    description:
      'The full path of a court page map (a .pages.json file, checked with ecf-desk profile check) that filing with the court it names goes by, instead of the one built in. Empty: the built-in map, or one the user loads. Users cannot load another while this is set.',
  },
  firmServerUrl: {
    type: 'string',
    title: 'Firm server',
    format: 'https-url',
    default: '',
    locks: 'firmServerUrl',
    description:
      "The https address of the firm's ECF Desk server (ecf-desk server), for example https://ecf-desk.firm.example:8443. Each user still connects with their own token. Empty: users may set one in Settings, or none.",
  },
  allowCredentialStorage: {
    type: 'boolean',
    title: 'Keep PACER passwords in the keychain',
    default: true,
    locks: 'allowCredentialStorage',
    description:
      "Whether ECF Desk may keep PACER passwords and two-factor secrets in the operating system's keychain. Off: users type them at every login. Users cannot change it.",
  },
  updateMode: {
    type: 'enum',
    title: 'Updates',
    values: ['none', 'manual', 'auto'],
    default: 'auto',
    locks: null,
    description:
      'How ECF Desk updates itself: none (never checks; IT deploys new versions), manual (checks, and the user chooses when to install), auto (downloads and installs on restart).',
  },
  updateUrl: {
    type: 'string',
    title: 'Update server',
    format: 'https-url',
    default: '',
    locks: null,
    description:
      "The https address ECF Desk downloads updates from, for a firm that mirrors them. Empty: the publisher's own server.",
  },
  externalLinkAllowlist: {
    type: 'string-list',
    title: 'Extra web sites links may open',
    itemFormat: 'host',
    minItems: 0,
    default: [],
    locks: null,
    description:
      "Host names (for example intranet.example-firm.com, without https://) whose https links ECF Desk may open in the browser, besides the courts' own sites. Empty: the built-in list only.",
  },
  mailboxHost: {
    type: 'string',
    title: 'Shared docketing mailbox: server',
    format: 'host',
    default: '',
    locks: null,
    description:
      "The IMAP server of the firm's shared docketing mailbox (for example imap.example-firm.com). With a user name set, every user reads court notices from it; each user still signs in with their own password.",
  },
  mailboxPort: {
    type: 'integer',
    title: 'Shared docketing mailbox: port',
    minimum: 1,
    maximum: 65535,
    default: 993,
    locks: null,
    description: 'The IMAP port of the shared docketing mailbox: 993 for IMAP over TLS (the usual), 143 for STARTTLS.',
  },
  mailboxUser: {
    type: 'string',
    title: 'Shared docketing mailbox: user name',
    format: 'text',
    default: '',
    locks: null,
    description:
      'The user name of the shared docketing mailbox (often its address, for example docketing@example-firm.com).',
  },
  mailboxFolder: {
    type: 'string',
    title: 'Shared docketing mailbox: folder',
    format: 'text',
    default: 'INBOX',
    locks: null,
    description: 'The folder of the shared docketing mailbox that court notices arrive in.',
  },
  noticeRetentionDays: {
    type: 'integer',
    title: 'Days to keep court notices',
    minimum: 0,
    maximum: 3650,
    default: 0,
    locks: null,
    description:
      'How many days ECF Desk keeps a court notice (NEF) after it arrived, once it has been read. A notice whose free look is still waiting or whose deadline is still to come is kept. 0: keep every notice.',
  },
  logLevel: {
    type: 'enum',
    title: 'Log detail',
    values: ['error', 'warn', 'info', 'debug'],
    default: 'info',
    locks: null,
    description:
      "How much ECF Desk writes to its log: error, warn, info or debug. Logs never hold passwords or documents' contents.",
  },
} as const satisfies Record<string, PolicyKeySpec>;

/** A user setting a policy key can lock. */
export type LockableSetting = keyof Settings;

/** How a string value must look: any text, an https address, or a bare host name. */
export type PolicyStringFormat = 'text' | 'https-url' | 'host';

/** What the catalog says about one key; `locks` names the user setting it replaces, if any. */
export type PolicyKeySpec = {
  readonly title: string;
  readonly description: string;
  readonly locks: LockableSetting | null;
} & (
  | { readonly type: 'boolean'; readonly default: boolean }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly default: string }
  | { readonly type: 'string'; readonly format: PolicyStringFormat; readonly default: string }
  | {
      readonly type: 'string-list';
      readonly values?: readonly string[];
      readonly itemFormat?: PolicyStringFormat;
      readonly minItems: number;
      readonly default: readonly string[];
    }
  | { readonly type: 'integer'; readonly minimum: number; readonly maximum: number; readonly default: number }
);

/** A policy key's name. */
export type PolicyKey = keyof typeof policyCatalog;

type ValueOf<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : S extends { type: 'string-list'; values: readonly (infer V)[] }
      ? readonly V[]
      : S extends { type: 'string-list' }
        ? readonly string[]
        : S extends { type: 'integer' }
          ? number
          : string;

/** The value type of every policy key. */
export type PolicyValues = { readonly [K in PolicyKey]: ValueOf<(typeof policyCatalog)[K]> };

/** Every policy key, in catalog order (the order templates list them). */
export const policyKeys = Object.keys(policyCatalog) as PolicyKey[];

/** Whether a name is a policy key (exact spelling). */
export function isPolicyKey(name: string): name is PolicyKey {
  return Object.hasOwn(policyCatalog, name);
}

/** The catalog entry of a key, typed as the general spec. */
export function policySpec(key: PolicyKey): PolicyKeySpec {
  return policyCatalog[key];
}

/** Every key's default, as the app behaves when nothing is managed. */
export function policyDefaults(): PolicyValues {
  return Object.fromEntries(policyKeys.map((key) => [key, policyCatalog[key].default])) as unknown as PolicyValues;
}

/** What reading one raw value gave: the value, or why it was refused in plain words. */
export type PolicyValueResult<K extends PolicyKey> =
  { ok: true; value: PolicyValues[K] } | { ok: false; reason: string };

const longestString = 2048;
const mostListItems = 100;
const hostName = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const httpsUrl = /^https:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;

/**
 * Reads one raw policy value as it arrives from the registry (strings, DWORD numbers, REG_MULTI_SZ arrays),
 * a managed-preferences plist or policy.json. Booleans accept true/false, 1/0 and "1"/"0"; integers accept
 * numbers and digit strings; lists accept arrays or comma/newline separated strings. Anything else is refused.
 */
export function readPolicyValue<K extends PolicyKey>(key: K, raw: unknown): PolicyValueResult<K> {
  return readBySpec(policySpec(key), raw) as PolicyValueResult<K>;
}

function readBySpec(spec: PolicyKeySpec, raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  switch (spec.type) {
    case 'boolean':
      return readBoolean(raw);
    case 'integer':
      return readInteger(raw, spec.minimum, spec.maximum);
    case 'enum':
      return readEnum(raw, spec.values);
    case 'string':
      // A key whose default is empty may be set empty: that is its built-in behaviour.
      return readString(raw, spec.format, spec.default === '');
    case 'string-list':
      return readList(raw, spec.values, spec.itemFormat ?? 'text', spec.minItems);
  }
}

function readBoolean(raw: unknown): { ok: true; value: boolean } | { ok: false; reason: string } {
  if (raw === true || raw === 1 || raw === '1' || raw === 'true') {
    return { ok: true, value: true };
  }
  if (raw === false || raw === 0 || raw === '0' || raw === 'false') {
    return { ok: true, value: false };
  }
  return { ok: false, reason: `${describe(raw)} is not on or off: use 1 (DWORD) or true for on, 0 or false for off` };
}

function readInteger(
  raw: unknown,
  minimum: number,
  maximum: number,
): { ok: true; value: number } | { ok: false; reason: string } {
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { ok: false, reason: `${describe(raw)} is not a whole number` };
  }
  if (value < minimum || value > maximum) {
    return { ok: false, reason: `${value} is outside ${minimum} to ${maximum}` };
  }
  return { ok: true, value };
}

function readEnum(
  raw: unknown,
  values: readonly string[],
): { ok: true; value: string } | { ok: false; reason: string } {
  const value = typeof raw === 'string' ? raw.trim() : raw;
  if (typeof value === 'string' && values.includes(value)) {
    return { ok: true, value };
  }
  return { ok: false, reason: `${describe(raw)} is not one of ${values.join(', ')}` };
}

function readString(
  raw: unknown,
  format: PolicyStringFormat,
  mayBeEmpty: boolean,
): { ok: true; value: string } | { ok: false; reason: string } {
  if (typeof raw !== 'string') {
    return { ok: false, reason: `${describe(raw)} is not text` };
  }
  const value = raw.trim();
  if (value === '') {
    return mayBeEmpty ? { ok: true, value } : { ok: false, reason: 'it is empty' };
  }
  if (value.length > longestString) {
    return { ok: false, reason: `it is longer than ${longestString} characters` };
  }
  return checkFormat(value, format);
}

function checkFormat(
  value: string,
  format: PolicyStringFormat,
): { ok: true; value: string } | { ok: false; reason: string } {
  if (format === 'https-url' && !httpsUrl.test(value)) {
    return { ok: false, reason: `"${value}" is not an https address (it must start with https://)` };
  }
  if (format === 'host') {
    if (value.includes('://')) {
      return { ok: false, reason: `"${value}" is an address, not a host name: write the host only, without https://` };
    }
    if (!hostName.test(value.toLowerCase())) {
      return { ok: false, reason: `"${value}" is not a host name` };
    }
    return { ok: true, value: value.toLowerCase() };
  }
  return { ok: true, value };
}

function readList(
  raw: unknown,
  values: readonly string[] | undefined,
  itemFormat: PolicyStringFormat,
  minItems: number,
): { ok: true; value: readonly string[] } | { ok: false; reason: string } {
  const items = typeof raw === 'string' ? raw.split(/[,\r\n]+/) : raw;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
    return {
      ok: false,
      reason: `${describe(raw)} is not a list of text (use REG_MULTI_SZ, a JSON array, or comma separated text)`,
    };
  }
  const trimmed = (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
  if (trimmed.length < minItems) {
    return { ok: false, reason: `it needs at least ${minItems} item${minItems === 1 ? '' : 's'}` };
  }
  if (trimmed.length > mostListItems) {
    return { ok: false, reason: `it has more than ${mostListItems} items` };
  }
  const read: string[] = [];
  for (const item of trimmed) {
    const checked = values === undefined ? checkFormat(item, itemFormat) : readEnum(item, values);
    if (!checked.ok) {
      return checked;
    }
    if (!read.includes(checked.value)) {
      read.push(checked.value);
    }
  }
  return { ok: true, value: read };
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') {
    return `"${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}"`;
  }
  if (Array.isArray(raw)) {
    return 'a list';
  }
  if (raw === null) {
    return 'null';
  }
  if (typeof raw === 'object') {
    return 'an object';
  }
  return String(raw);
}
