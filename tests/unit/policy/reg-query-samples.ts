/**
 * Output as `reg query "<key>" /s` prints it on Windows 10/11 (CRLF lines, four-space columns, `\0` between
 * REG_MULTI_SZ items), written by hand after reg's format, for the registry reader's tests.
 */
export const machinePolicyOutput = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\ECF Desk',
  '    courtProfile    REG_SZ    cit',
  '    allowCredentialStorage    REG_DWORD    0x0',
  '    allowedCourtProfiles    REG_MULTI_SZ    cit\\0cit-training',
  '    noticeRetentionDays    REG_DWORD    0x5a',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\ECF Desk\\externalLinkAllowlist',
  '    1    REG_SZ    uscit.gov',
  '    2    REG_SZ    intranet.example-firm.com',
  '    10    REG_SZ    docs.example-firm.com',
  '',
].join('\r\n');

/** A user's policy that tries to set what the machine already decided, and one thing the machine did not. */
export const userPolicyOutput = [
  '',
  'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\ECF Desk',
  '    CourtProfile    REG_SZ    cit-training',
  '    allowCredentialStorage    REG_DWORD    0x1',
  '    logLevel    REG_SZ    debug',
  '',
].join('\r\n');
