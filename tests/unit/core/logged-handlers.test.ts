import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src-main/core/api/handlers';
import { withCallLog } from '../../../src-main/core/api/logged-handlers';
import { AppError } from '../../../src-main/core/errors';
import type { LogLevel } from '../../../src-main/core/storage/app-log';

function logged(handlers: Partial<Handlers>) {
  const lines: { line: string; level: LogLevel }[] = [];
  let time = 1000;
  const wrapped = withCallLog(
    handlers as Handlers,
    (line, level = 'info') => lines.push({ line, level }),
    () => (time += 12),
  );
  return { wrapped, lines };
}

describe('withCallLog', () => {
  it('logs a call at debug with its channel and time, and hands back the same value', async () => {
    const value = { name: 'ECF Desk', version: '1', host: 'browser' as const, dataFolder: 'data' };
    const { wrapped, lines } = logged({ 'app.getInfo': async () => value });
    expect(await wrapped['app.getInfo']({})).toBe(value);
    expect(lines).toEqual([{ line: 'api: app.getInfo ok in 12 ms', level: 'debug' }]);
  });

  it("logs the app's own refusals at debug by code, without their message, and throws them on unchanged", async () => {
    const refusal = new AppError('court.unreachable', 'The court at ecf.cit.uscourts.gov did not answer for jmorgan.');
    const { wrapped, lines } = logged({ 'session.login': async () => Promise.reject(refusal) });
    await expect(wrapped['session.login']({ accountId: 'a1', password: 'hunter2' } as never)).rejects.toBe(refusal);
    expect(lines).toEqual([{ line: 'api: session.login answered court.unreachable in 12 ms', level: 'debug' }]);
  });

  it('logs what broke inside at error level, since the user only sees "something went wrong"', async () => {
    const broken = new TypeError("Cannot read properties of undefined (reading 'sha256')");
    const { wrapped, lines } = logged({ 'documents.list': async () => Promise.reject(broken) });
    await expect(wrapped['documents.list']({})).rejects.toBe(broken);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('error');
    expect(lines[0]?.line).toMatch(
      /^api: documents\.list failed inside: TypeError: Cannot read properties of undefined \(reading 'sha256'\)/,
    );
  });

  it('never logs arguments or results', async () => {
    const { wrapped, lines } = logged({
      'accounts.save': async () => ({ id: 'a1', secret: 'result-secret' }) as never,
    });
    await wrapped['accounts.save']({ loginId: 'jmorgan', password: 'Training-Morgan-1' } as never);
    expect(JSON.stringify(lines)).not.toMatch(/Training-Morgan-1|jmorgan|result-secret/);
  });

  it('wraps every channel it is given, and no other', () => {
    const { wrapped } = logged({ 'app.getInfo': async () => ({}) as never, 'documents.list': async () => [] });
    expect(Object.keys(wrapped).sort()).toEqual(['app.getInfo', 'documents.list']);
  });
});
