import type { DocketEvent } from '../../../src-main/shared/cit-event-catalog';

/** What an event asks for besides its main document, in plain words with the rule behind each. */
export function describeRequirements(event: DocketEvent): string[] {
  const needs: string[] = [];
  if (event.requires.attachments) {
    needs.push('Attachments: it usually comes with exhibits, attached after the main document.');
  }
  if (event.requires.relatedDocument) {
    needs.push(
      'A related document: it links to the docket entry it relates to (a response names the motion it answers).',
    );
  }
  if (event.requires.proposedOrder) {
    needs.push('A proposed order, attached with the motion (USCIT Rule 7(b)(1)(E)).');
  }
  if (event.requires.confidentialVersion) {
    needs.push(
      'Two versions if it has business proprietary information: a confidential version and a public version filed a day later (USCIT Rule 5(g)).',
    );
  }
  if (event.needsConsultation) {
    needs.push(
      'Consultation first: the motion recites whom you consulted, when, and whether they consent (USCIT Rule 7(b)).',
    );
  }
  if (event.isStipulation) {
    needs.push('Every signer: each attorney who signed the stipulation, shown as "/s/ Name" (FAQ 35).');
  }
  if (event.isRestricted) {
    needs.push("Restricted: the other parties cannot open this entry through the court's notice.");
  }
  if (event.isAfterHoursPlaceholder) {
    needs.push(
      "For after Clerk's Office hours only: it keeps today's filing date when the right event cannot be found (FAQ 30).",
    );
  }
  return needs;
}
