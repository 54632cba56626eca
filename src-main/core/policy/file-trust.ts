/** The facts `lstat`/`fstat` give that decide whether a policy file can be trusted. */
export interface OwnershipFacts {
  readonly uid: number;
  readonly mode: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

const writableByGroup = 0o020;
const writableByOthers = 0o002;

/** A mode as `ls` users know it (0644). */
export function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

/**
 * Why a policy file cannot be trusted, or null when it can: it must be a regular file (not a link), owned by
 * root, and writable by root alone, or any local user could change what the firm decided.
 */
export function findUntrustedFileReason(facts: OwnershipFacts): string | null {
  if (facts.isSymbolicLink()) {
    return 'it is a symbolic link; policy must be a regular file';
  }
  if (!facts.isFile()) {
    return 'it is not a regular file';
  }
  if (facts.uid !== 0) {
    return `it is owned by user id ${facts.uid}, not root (run: chown root:root <file>)`;
  }
  if ((facts.mode & writableByOthers) !== 0) {
    return `every user can write it (mode ${formatMode(facts.mode)}; run: chmod 644 <file>)`;
  }
  if ((facts.mode & writableByGroup) !== 0) {
    return `its group can write it (mode ${formatMode(facts.mode)}; run: chmod 644 <file>)`;
  }
  return null;
}

/** Why the folder holding a policy file cannot be trusted, or null: whoever can write the folder can replace the file. */
export function findUntrustedFolderReason(facts: OwnershipFacts): string | null {
  if (!facts.isDirectory()) {
    return 'its folder is not a folder';
  }
  if (facts.uid !== 0) {
    return `its folder is owned by user id ${facts.uid}, not root (run: chown root:root <folder>)`;
  }
  if ((facts.mode & writableByOthers) !== 0) {
    return `every user can write its folder (mode ${formatMode(facts.mode)}; run: chmod 755 <folder>)`;
  }
  if ((facts.mode & writableByGroup) !== 0) {
    return `its folder's group can write it (mode ${formatMode(facts.mode)}; run: chmod 755 <folder>)`;
  }
  return null;
}
