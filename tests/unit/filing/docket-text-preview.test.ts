import { describe, expect, it } from 'vitest';
import { docketTextPreview, signatureLine } from '../../../src-main/shared/filing-rules';
import { defendant, draftWith, exhibit, mainDocument, plaintiff, proposedOrder } from './draft-builder';

describe('the docket text preview, as the training court writes it', () => {
  it('is null until the event is chosen', () => {
    expect(docketTextPreview(draftWith({ eventId: null }))).toBeNull();
    expect(docketTextPreview(draftWith({ eventId: 'no-such-event' }))).toBeNull();
  });

  it('is null until the filing parties are chosen', () => {
    expect(docketTextPreview(draftWith({ filerPartyIds: [] }))).toBeNull();
  });

  it('reads event, filer and parties', () => {
    expect(docketTextPreview(draftWith({ eventId: 'form-11-notice-of-appearance', documents: [mainDocument] }))).toBe(
      'Form 11 Notice of Appearance. Filed by the filing attorney on behalf of Acme Bearings, Inc.',
    );
  });

  it('never doubles a full stop after a party name or an annotation that ends in one', () => {
    const draft = draftWith({
      eventId: 'motion-to-stay',
      docketAnnotation: 'pending appeal to the Fed. Cir.',
      documents: [mainDocument],
    });
    expect(docketTextPreview(draft)).toBe(
      'Motion to Stay pending appeal to the Fed. Cir. Filed by the filing attorney on behalf of Acme Bearings, Inc.',
    );
  });

  it('adds the annotation, the parties in case order, the related documents and the attachments', () => {
    const draft = draftWith({
      eventId: 'response-to-motion',
      filerPartyIds: [defendant.id, plaintiff.id],
      docketAnnotation: ' to Motion to Stay ',
      relatedDocumentNumbers: [16, 18],
      documents: [mainDocument, exhibit, proposedOrder],
    });
    expect(docketTextPreview(draft)).toBe(
      'Response to Motion to Motion to Stay. Filed by the filing attorney on behalf of Acme Bearings, Inc., United States. (related document(s) 16, 18) (Attachments: # (1) Exhibit A - Entry summaries, # (2) Proposed Order)',
    );
  });
});

describe('FAQ 35: an electronic signature', () => {
  it('reads "/s/ Name"', () => {
    expect(signatureLine({ name: 'Jane Morgan', firm: 'Morgan & Co.', isFiler: true })).toBe('/s/ Jane Morgan');
  });
});
