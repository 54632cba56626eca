import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppLog, type LogLevel } from '../../../src-main/core/storage/app-log';
import { policyCatalog } from '../../../src-main/shared/policy-catalog';
import { useTempFolder } from './temp-folder';

const clock = { now: () => new Date('2026-11-28T10:00:00.000Z') };

describe('the app log', () => {
  const folder = useTempFolder();
  const lines = (): string[] =>
    readFileSync(path.join(folder.path, 'logs', 'ecf-desk.log'), 'utf8')
      .trimEnd()
      .split('\n');

  it('writes one line an event: time, level, text; a line without a level is info', () => {
    const log = createAppLog(path.join(folder.path, 'logs'), clock);
    log('Inbox: 2 notices read');
    log('Keychain unavailable: no Secret Service', 'warn');
    expect(lines()).toEqual([
      '2026-11-28T10:00:00.000Z INFO Inbox: 2 notices read',
      '2026-11-28T10:00:00.000Z WARN Keychain unavailable: no Secret Service',
    ]);
  });

  it('keeps a text with line breaks on one line, so nobody can forge a line', () => {
    const log = createAppLog(path.join(folder.path, 'logs'), clock);
    log('a mailbox said: ok\r\n2026-11-28T10:00:00.000Z ERROR forged');
    expect(lines()).toEqual(['2026-11-28T10:00:00.000Z INFO a mailbox said: ok 2026-11-28T10:00:00.000Z ERROR forged']);
  });

  it('writes only lines as important as the level, which it asks at every line (a changed policy applies at once)', () => {
    let level: LogLevel = 'info';
    const log = createAppLog(path.join(folder.path, 'logs'), clock, () => level);
    const writeEach = (): void => {
      for (const each of ['error', 'warn', 'info', 'debug'] as const) {
        log(`${each} line at ${level}`, each);
      }
    };
    writeEach();
    level = 'error';
    writeEach();
    level = 'debug';
    writeEach();
    expect(lines().map((line) => line.slice(25))).toEqual([
      'ERROR error line at info',
      'WARN warn line at info',
      'INFO info line at info',
      'ERROR error line at error',
      'ERROR error line at debug',
      'WARN warn line at debug',
      'INFO info line at debug',
      'DEBUG debug line at debug',
    ]);
  });

  it('knows every level the policy catalog offers', () => {
    const log = createAppLog(path.join(folder.path, 'logs'), clock, () => 'debug');
    for (const level of policyCatalog.logLevel.values) {
      log('x', level);
    }
    expect(lines().map((line) => line.split(' ')[1])).toEqual(
      policyCatalog.logLevel.values.map((level) => level.toUpperCase()),
    );
  });

  it('never throws when the log cannot be written', () => {
    const log = createAppLog(path.join(folder.path, 'no-such', '\0bad'), clock);
    expect(() => log('still running')).not.toThrow();
  });
});
