import { describe, expect, it } from 'vitest';
import { partiesFiledForWithoutFiler } from '../../../src-main/shared/counsel-of-record';
import type { CaseParty } from '../../../src-main/shared/filing';
import { acmeCase, blankDraft } from '../renderer/fake-bridge';

const acme: CaseParty = {
  id: 'acme',
  name: 'Acme Steel Corp.',
  role: 'Plaintiff',
  isServedElectronically: true,
  counsel: ['Morgan, Jane', 'Patel, Riya'],
};
const unitedStates: CaseParty = {
  id: 'us',
  name: 'United States',
  role: 'Defendant',
  isServedElectronically: true,
  counsel: ['Walsh, Thomas'],
};
const proSe: CaseParty = {
  id: 'pro-se',
  name: 'Harold Brennan',
  role: 'Plaintiff',
  isServedElectronically: false,
  counsel: [],
};
const unlisted: CaseParty = { id: 'unlisted', name: 'Lumina Solar', role: 'Plaintiff', isServedElectronically: true };

function filedFor(...ids: string[]) {
  return blankDraft({
    id: 'd1',
    case: acmeCase(),
    eventId: 'answer',
    parties: [acme, unitedStates, proSe, unlisted],
    filerPartyIds: ids,
  });
}

describe('the filer and the counsel of record of the parties filed for (FAQ 36)', () => {
  it('names a party the filer is not counsel for, and not one she is', () => {
    expect(partiesFiledForWithoutFiler(filedFor('acme', 'us'), 'Jane Morgan').map((party) => party.id)).toEqual(['us']);
  });

  it('names a party that appears for itself, with no attorney of record', () => {
    expect(partiesFiledForWithoutFiler(filedFor('pro-se'), 'Jane Morgan').map((party) => party.id)).toEqual(['pro-se']);
  });

  it('says nothing where the court did not list counsel, or the filer has no name', () => {
    expect(partiesFiledForWithoutFiler(filedFor('unlisted'), 'Jane Morgan')).toEqual([]);
    expect(partiesFiledForWithoutFiler(filedFor('us'), '  ')).toEqual([]);
  });

  it('says nothing for a notice of appearance or a new action, which make the filer counsel', () => {
    expect(
      partiesFiledForWithoutFiler({ ...filedFor('us'), eventId: 'form-11-notice-of-appearance' }, 'Jane Morgan'),
    ).toEqual([]);
    expect(
      partiesFiledForWithoutFiler(
        { ...filedFor('us'), newAction: { caption: 'Acme v. United States' } },
        'Jane Morgan',
      ),
    ).toEqual([]);
  });
});
