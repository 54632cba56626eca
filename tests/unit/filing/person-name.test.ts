import { describe, expect, it } from 'vitest';
import { isSamePerson } from '../../../src-main/shared/person-name';

describe('knowing a person by the name the court prints', () => {
  it('"Walsh, Thomas" on a party report is the account named "Thomas Walsh"', () => {
    expect(isSamePerson('Walsh, Thomas', 'Thomas Walsh')).toBe(true);
  });

  it('a middle initial, accents and case do not make another person', () => {
    expect(isSamePerson('Morgan, Jane', 'jane Q. MORGAN')).toBe(true);
    expect(isSamePerson('Okafor, Ngozi', 'Ngózi Okafor')).toBe(true);
  });

  it('another first name or another last name is another person', () => {
    expect(isSamePerson('Morgan, Jane', 'Janet Morgan')).toBe(false);
    expect(isSamePerson('Walsh, Thomas', 'Thomas Welsh')).toBe(false);
  });

  it('one word is not enough to know a person by, and an empty name is nobody', () => {
    expect(isSamePerson('Jane', 'Jane Morgan')).toBe(false);
    expect(isSamePerson('Jane', 'jane')).toBe(true);
    expect(isSamePerson('', 'Jane Morgan')).toBe(false);
    expect(isSamePerson('', '')).toBe(false);
  });
});
