/**
 * Every request channel and every event the renderer may use, as plain strings.
 * Kept free of zod so the preload bundle can carry the allowlist without the schemas;
 * `contract.ts` checks at compile time that it lists exactly these names.
 */
export const channelNames = [
  'app.getInfo',
  'court.status',
  'accounts.list',
  'accounts.save',
  'accounts.remove',
  'accounts.test',
  'session.status',
  'session.login',
  'session.logout',
  'session.verify',
  'documents.list',
  'documents.content',
  'documents.add',
  'documents.choose',
  'documents.remove',
  'documents.restore',
  'documents.preflight',
  'documents.cancelPreflight',
  'documents.fix',
  'documents.cancelFix',
  'documents.undoFix',
  'drafts.list',
  'drafts.create',
  'drafts.createInterventionPackage',
  'drafts.get',
  'drafts.update',
  'drafts.arrangeDocuments',
  'drafts.delete',
  'drafts.export',
  'drafts.import',
  'drafts.sign',
  'drafts.unsign',
  'court.findCases',
  'court.caseParties',
  'outbox.submit',
  'outbox.retry',
  'outbox.withdraw',
  'outbox.receipt',
  'outbox.stoppedPage',
  'outbox.sendLate',
  'outbox.confirmDocketText',
  'inbox.list',
  'inbox.get',
  'inbox.markRead',
  'inbox.importFile',
  'inbox.fetchDocument',
  'inbox.buyDocument',
  'inbox.exportDeadlines',
  'inbox.documentContent',
  'mailboxes.list',
  'mailboxes.save',
  'mailboxes.remove',
  'mailboxes.sync',
  'settings.managed',
  'settings.get',
  'settings.update',
  'settings.pageMap',
  'firmServer.status',
  'firmServer.connect',
  'firmServer.disconnect',
  'firmServer.calendarLink',
  'firmServer.sharedDrafts',
  'firmServer.shareDraft',
  'firmServer.openSharedDraft',
  'firmServer.takeFirmVersion',
  'firmServer.docket',
  'support.exportBundle',
  'record.get',
  'record.export',
  'drafts.makeCertificateOfService',
] as const;

/** Server-to-renderer events (progress and change notices). */
export const eventNames = [
  'documents.progress',
  'documents.changed',
  'documents.preflightProgress',
  'court.statusChanged',
  'session.changed',
  'drafts.changed',
  'inbox.changed',
] as const;

/** A request channel's name. */
export type ChannelName = (typeof channelNames)[number];
/** An event's name. */
export type EventName = (typeof eventNames)[number];

/** Whether a string names a request channel (used by the preload's allowlist and the HTTP router). */
export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

/** Whether a string names an event. */
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}

/**
 * The one IPC channel on which main sends events to the renderer; the event's name travels inside
 * the message. The shell sends on it and the preload listens, so it lives beside the names.
 */
export const eventChannel = 'ecf:event';

/** What main sends on the event channel. */
export interface EventMessage {
  readonly event: string;
  readonly payload: unknown;
}
