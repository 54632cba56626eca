import type { ChannelHandlers } from '../api/handlers';
import type { DocumentsService } from './documents-service';

/** The Documents list's channels: adding, removing and restoring PDFs, their checks and their fixes. */
export function documentsChannels(documents: DocumentsService): ChannelHandlers<'documents'> {
  return {
    'documents.list': async () => documents.list(),
    'documents.content': ({ id }) => documents.content(id),
    'documents.add': ({ jobId, name, bytes }) => documents.add(jobId, name, bytes),
    'documents.choose': () => documents.choose(),
    'documents.remove': async ({ id }) => {
      documents.remove(id);
      return null;
    },
    'documents.restore': async ({ id }) => documents.restore(id),
    'documents.preflight': async ({ id }) => documents.preflight(id),
    'documents.cancelPreflight': async ({ id }) => documents.cancelPreflight(id),
    'documents.fix': ({ id, fix, dropAnnotations }) => documents.fix(id, fix, dropAnnotations ?? 'none'),
    'documents.cancelFix': async ({ id }) => documents.cancelFix(id),
    'documents.undoFix': async ({ id }) => documents.undoFix(id),
  };
}
