import { describe, expect, it } from 'vitest';
import { citEventCatalog } from '../../../src-main/shared/cit-event-catalog';
import type { EventMatch } from '../../../src-main/shared/event-search';
import { searchDocketEvents } from '../../../src-main/shared/event-search';

function matchesOf(query: string): EventMatch[] {
  return searchDocketEvents(query).flatMap((group) => group.events);
}

function idsOf(query: string): string[] {
  return matchesOf(query).map((match) => match.event.id);
}

describe('FAQ 30: finding a docket event by a word or phrase', () => {
  it('"intervene" finds the Motion to Intervene by its name', () => {
    const match = matchesOf('intervene').find((found) => found.event.id === 'motion-to-intervene');
    expect(match?.matchedAlias).toBeNull();
  });

  it('"MJAR" finds the motion for judgment on the agency record by its alias and says which alias matched', () => {
    expect(matchesOf('MJAR')).toEqual([
      { event: expect.objectContaining({ id: 'motion-for-judgment-on-the-agency-record' }), matchedAlias: 'MJAR' },
    ]);
  });

  it('"form 17", "Form17" and "form-17" all find both Form 17 certifications', () => {
    const both = ['form-17-bpi-certification-attorneys', 'form-17-bpi-certification-consultants'];
    for (const query of ['form 17', 'Form17', 'form-17']) {
      expect(idsOf(query)).toEqual(both);
    }
  });

  it('"BPI" finds the events whose name spells out business proprietary information', () => {
    expect(idsOf('BPI')).toEqual(
      expect.arrayContaining([
        'form-17-bpi-certification-attorneys',
        'form-18a-termination-of-bpi-access',
        'confidential-version',
      ]),
    );
  });

  it('"extension" finds the consent motion for extension of time', () => {
    expect(idsOf('extension')).toEqual(['consent-motion-for-extension-of-time']);
  });

  it('"z-motion", "Z motion" and "after hours" find the Z-motion', () => {
    for (const query of ['z-motion', 'Z motion', 'after hours']) {
      expect(idsOf(query)).toContain('z-motion');
    }
    expect(idsOf('z-motion')).toEqual(['z-motion']);
  });

  it('every word of the query must be found: "motion intervene" finds one event, "motion banana" none', () => {
    expect(idsOf('motion intervene')).toEqual(['motion-to-intervene']);
    expect(idsOf('motion banana')).toEqual([]);
  });

  it('a word matches the start of a word, not its middle: "tervene" finds nothing', () => {
    expect(idsOf('tervene')).toEqual([]);
  });

  it('nonsense finds nothing', () => {
    expect(searchDocketEvents('xyzzy plugh')).toEqual([]);
  });

  it('an event found by its name ranks before an earlier event found only by an alias', () => {
    // The preliminary injunction motion comes before the protective order motion in the catalog, but only its alias
    // ("... Temporary Restraining Order ...") says "order".
    const motions = searchDocketEvents('order').find((group) => group.category === 'Motions');
    expect(motions?.events.map((match) => [match.event.id, match.matchedAlias])).toEqual([
      ['motion-for-protective-order', null],
      ['proposed-order', null],
      ['motion-for-preliminary-injunction', 'Motion for Temporary Restraining Order and Preliminary Injunction'],
    ]);
  });

  it('an alias match names the first alias that matched', () => {
    expect(matchesOf('amended')).toEqual([
      { event: expect.objectContaining({ id: 'complaint' }), matchedAlias: 'Amended Complaint' },
    ]);
  });

  it('groups come in the catalog category order', () => {
    const categoryOrder = [...new Set(citEventCatalog.map((event) => event.category))];
    const found = searchDocketEvents('motion').map((group) => group.category);
    expect(found).toEqual(categoryOrder.filter((category) => found.includes(category)));
  });

  it('an empty query lists the whole catalog, grouped', () => {
    for (const query of ['', '   ', '--']) {
      const listed = searchDocketEvents(query).flatMap((group) => group.events);
      expect(listed).toHaveLength(citEventCatalog.length);
      expect(listed.every((match) => match.matchedAlias === null)).toBe(true);
    }
  });

  it('searches the catalog it is given', () => {
    const catalog = citEventCatalog.filter((event) => event.id === 'summons');
    expect(searchDocketEvents('', catalog)).toEqual([
      { category: 'Initiating documents', events: [{ event: catalog[0], matchedAlias: null }] },
    ]);
  });
});
