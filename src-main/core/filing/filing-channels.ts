import type { ChannelHandlers } from '../api/handlers';
import type { createFilingServices } from './filing-services';

/** The filing services as their channels use them. */
type FilingServices = Pick<
  ReturnType<typeof createFilingServices>,
  | 'drafts'
  | 'outbox'
  | 'exportDraft'
  | 'importPackage'
  | 'sign'
  | 'sendLate'
  | 'confirmDocketText'
  | 'submit'
  | 'recordView'
  | 'exportRecord'
  | 'makeCertificateOfService'
  | 'refreshGeneratedCertificate'
>;

/** Filing's channels: the drafts (with their hand-off files) and the outbox that sends them to the court. */
export function filingChannels(filing: FilingServices): ChannelHandlers<'drafts' | 'outbox' | 'record'> {
  const { drafts, outbox } = filing;
  return {
    'drafts.list': async () => drafts.list(),
    'drafts.create': async () => drafts.create(),
    'drafts.createInterventionPackage': async () => drafts.createInterventionPackage(),
    'drafts.get': async ({ id }) => drafts.get(id),
    // A certificate of service ECF Desk made follows the parties and signers it was made from (FAQ 38).
    'drafts.update': async ({ id, changes }) => filing.refreshGeneratedCertificate(id, drafts.update(id, changes)),
    'drafts.arrangeDocuments': async ({ id, change }) =>
      filing.refreshGeneratedCertificate(id, drafts.arrangeDocuments(id, change)),
    'drafts.delete': async ({ id }) => {
      drafts.delete(id);
      return null;
    },
    'drafts.export': async ({ id }) => (await filing.exportDraft(id)) as Uint8Array<ArrayBuffer>,
    'drafts.import': async ({ bytes }) => filing.importPackage(bytes),
    'drafts.sign': async ({ id, name, role }) => filing.sign(id, { name, role }),
    'drafts.unsign': async ({ id }) => drafts.unsign(id),
    'outbox.submit': async ({ draftId, sendNow }) => filing.submit(draftId, sendNow),
    'outbox.retry': async ({ draftId }) => drafts.review(outbox.retry(drafts.find(draftId))),
    'outbox.withdraw': async ({ draftId }) => drafts.withdraw(draftId),
    'outbox.sendLate': async ({ draftId }) => filing.sendLate(draftId),
    'outbox.confirmDocketText': async ({ draftId, docketText }) => filing.confirmDocketText(draftId, docketText),
    'outbox.receipt': async ({ draftId }) => ({ html: outbox.receipt(drafts.find(draftId).id) }),
    'outbox.stoppedPage': async ({ draftId }) => ({ html: outbox.stoppedPage(drafts.find(draftId).id) }),
    'record.get': async ({ draftId }) => filing.recordView(draftId),
    'record.export': async ({ draftId, format }) =>
      (await filing.exportRecord(draftId, format)) as Uint8Array<ArrayBuffer>,
    'drafts.makeCertificateOfService': async ({ id }) => filing.makeCertificateOfService(id),
  };
}
