import { policyKeys } from '../../shared/policy-catalog';

/** What `reg query <key> /s` printed, read into raw policy values, and the lines it could not use. */
export interface RegistryReading {
  readonly values: Record<string, unknown>;
  readonly problems: readonly string[];
}

const valueLine = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;
const keysByLowerCase = new Map(policyKeys.map((key) => [key.toLowerCase(), key]));

/**
 * Reads the text `reg query "HKLM\SOFTWARE\Policies\ECF Desk" /s` prints. Values under the key itself are
 * policy values: REG_SZ as text, REG_DWORD/REG_QWORD as numbers, REG_MULTI_SZ as lists (reg prints `\0`
 * between items). A subkey named after a key is a list in the Group Policy `list` style (values 1, 2, 3…),
 * which is what the ADMX template writes. Registry names are not case-sensitive, so neither is this.
 */
export function parseRegQueryOutput(output: string): RegistryReading {
  const values: Record<string, unknown> = {};
  const lists = new Map<string, { name: string; value: unknown }[]>();
  const problems: string[] = [];
  let rootKey: string | null = null;
  let listName: string | null = null;
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      rootKey ??= line;
      listName = subkeyName(rootKey, line);
      continue;
    }
    const match = valueLine.exec(line);
    if (match === null || rootKey === null) {
      continue;
    }
    const [, name = '', type = '', data = ''] = match;
    if (name === '(Default)') {
      continue;
    }
    const value = readRegistryData(type, data.trim());
    if (value === undefined) {
      problems.push(`${listName === null ? name : `${listName}\\${name}`} has type ${type}, which policy does not use`);
    } else if (listName === null) {
      values[canonicalName(name)] = value;
    } else if (listName !== '') {
      lists.set(listName, [...(lists.get(listName) ?? []), { name, value }]);
    }
  }
  for (const [name, items] of lists) {
    const key = canonicalName(name);
    if (key in values) {
      continue;
    }
    values[key] = items.sort((a, b) => compareValueNames(a.name, b.name)).map((item) => item.value);
  }
  return { values, problems };
}

/** The subkey's name one level below the root, null for the root itself, '' for anything deeper (ignored). */
function subkeyName(rootKey: string, line: string): string | null {
  if (line.toLowerCase() === rootKey.toLowerCase()) {
    return null;
  }
  const prefix = `${rootKey.toLowerCase()}\\`;
  if (!line.toLowerCase().startsWith(prefix)) {
    return '';
  }
  const rest = line.slice(prefix.length);
  return rest.includes('\\') ? '' : rest;
}

function readRegistryData(type: string, data: string): unknown {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return data;
    case 'REG_DWORD':
    case 'REG_QWORD':
      return /^0x[0-9a-f]+$/i.test(data) ? Number.parseInt(data.slice(2), 16) : undefined;
    case 'REG_MULTI_SZ':
      return data === '' ? [] : data.split('\\0').filter((item) => item !== '');
    default:
      return undefined;
  }
}

function canonicalName(name: string): string {
  return keysByLowerCase.get(name.toLowerCase()) ?? name;
}

function compareValueNames(a: string, b: string): number {
  const numberA = Number(a);
  const numberB = Number(b);
  return Number.isInteger(numberA) && Number.isInteger(numberB) ? numberA - numberB : a.localeCompare(b);
}
