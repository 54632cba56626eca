import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/errors';
import { describeError } from '../../../src-main/shared/describe-error';

describe('describeError', () => {
  it("gives an Error's own message for the user, and its stack for the log", () => {
    const error = new TypeError('the disk is full');
    const described = describeError(error);
    expect(described.message).toBe('the disk is full');
    expect(described.detail).toContain('TypeError: the disk is full');
    expect(described.detail).toContain('describe-error.test.ts');
  });

  it('follows the cause chain in the log form only', () => {
    const root = new Error('EACCES: permission denied');
    const error = new Error('The settings could not be saved.', { cause: new Error('write failed', { cause: root }) });
    const described = describeError(error);
    expect(described.message).toBe('The settings could not be saved.');
    expect(described.detail.split('\n').filter((line) => line.startsWith('caused by: '))).toEqual([
      'caused by: Error: write failed',
      'caused by: Error: EACCES: permission denied',
    ]);
  });

  it('stops following causes five deep, so a cycle cannot loop', () => {
    const error = new Error('outer');
    error.cause = error;
    const causes = describeError(error)
      .detail.split('\n')
      .filter((line) => line.startsWith('caused by: '));
    expect(causes).toHaveLength(6);
    expect(causes.at(-1)).toBe('caused by: … (more causes not shown)');
  });

  it('names a subclass that sets its name after construction', () => {
    const described = describeError(new AppError('session.none', 'Log in to the court first.'));
    expect(described.message).toBe('Log in to the court first.');
    expect(described.detail).toMatch(/^AppError: Log in to the court first\./);
  });

  it('describes thrown values that are not Errors, even one that cannot be turned into text', () => {
    expect(describeError('plain text')).toEqual({ message: 'plain text', detail: 'plain text' });
    expect(describeError(42).message).toBe('42');
    expect(describeError(undefined).message).toBe('undefined');
    expect(describeError(Object.create(null)).message).toBe('[object Object]');
    expect(describeError(new Error('', { cause: 'a string cause' })).detail).toContain('caused by: a string cause');
  });

  it('falls back to the name when an Error has no message', () => {
    expect(describeError(new RangeError()).message).toBe('RangeError');
  });
});
