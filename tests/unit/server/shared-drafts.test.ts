import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxDocumentUploadBytes } from '../../../src-main/firm-server/firm-routes';
import { sharedDraft, sharedDraftList, type SharedDraftContent } from '../../../src-main/shared/firm-server';
import { send } from '../../support/firm-server';
import { caseA, caseB, firmWithTeams } from '../../support/firm-teams';
import { draftWith, mainDocument } from '../filing/draft-builder';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';
import { makePdf } from '../../support/synthetic-pdfs';

// Shared drafts on the firm server (docs/firm-server.md#shared-drafts): a draft of a case kept once for its team, its
// PDFs in the server's store, each change kept only when made from the latest version, so none is lost unseen.

let cluster: PostgresTestCluster | null = null;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A draft of `caseNumber` with one document, as a desktop shares it. */
function contentOf(id: string, caseNumber: string, pdf: Uint8Array, annotation = ''): SharedDraftContent {
  return {
    draft: draftWith({
      id,
      case: { caseId: caseNumber === caseA ? 4821 : 5930, caseNumber, caption: 'Acme Steel Corp. v. United States' },
      documents: [mainDocument],
      docketAnnotation: annotation,
    }),
    documents: [
      { id: mainDocument.documentId, name: 'motion.pdf', sha256: sha256(pdf), preflight: { state: 'waiting' } },
    ],
  };
}

async function firm() {
  const firm = await firmWithTeams(cluster!, 50_000_000);
  const as = (token: string) => ({
    put: (route: string, body: string | Uint8Array) =>
      send(`${firm.server.url}${route}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      }),
    get: (route: string) => send(`${firm.server.url}${route}`, { headers: { authorization: `Bearer ${token}` } }),
  });
  return {
    ...firm,
    paralegal: as(firm.paralegal.token),
    attorney: as(firm.attorney.token),
    docketing: as(firm.docketing.token),
  };
}

const errorCode = (body: string): string => (JSON.parse(body) as { error: { code: string } }).error.code;

describe.skipIf(process.platform === 'win32')('shared drafts on the firm server', () => {
  it('keeps a draft for its case team: documents first, then the draft; its team and docketing see it, no one else', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { paralegal, attorney, docketing } = await firm();
    const pdf = await makePdf(2);
    const id = randomUUID();
    const share = JSON.stringify({ baseVersion: null, content: contentOf(id, caseA, pdf) });

    // The draft names a PDF the server does not have yet: refused, saying which.
    const early = await paralegal.put(`/api/drafts/${id}`, share);
    expect([early.status, errorCode(early.body)]).toEqual([409, 'draft.documents-missing']);
    expect(early.body).toContain(sha256(pdf));

    expect((await paralegal.put(`/api/documents/${sha256(pdf)}`, pdf)).status).toBe(201);
    expect((await paralegal.put(`/api/documents/${sha256(pdf)}`, pdf)).status).toBe(200);
    const shared = await paralegal.put(`/api/drafts/${id}`, share);
    expect(shared.status).toBe(201);
    expect(sharedDraft.parse(JSON.parse(shared.body))).toMatchObject({
      id,
      caseNumber: caseA,
      version: 1,
      updatedBy: 'mchen',
    });

    expect(
      sharedDraftList.parse(JSON.parse((await paralegal.get('/api/drafts')).body)).drafts.map((d) => d.id),
    ).toEqual([id]);
    expect(
      sharedDraftList.parse(JSON.parse((await docketing.get('/api/drafts')).body)).drafts.map((d) => d.id),
    ).toEqual([id]);
    // The attorney is on case B only: the draft and its PDF do not exist for them.
    expect(sharedDraftList.parse(JSON.parse((await attorney.get('/api/drafts')).body)).drafts).toEqual([]);
    expect((await attorney.get(`/api/drafts/${id}`)).status).toBe(404);
    expect((await attorney.get(`/api/documents/${sha256(pdf)}`)).status).toBe(404);
    const fetched = await paralegal.get(`/api/documents/${sha256(pdf)}`);
    expect(fetched.status).toBe(200);
    // Nor may they share a draft of a case they are not on.
    const other = randomUUID();
    const refused = await attorney.put(
      `/api/drafts/${other}`,
      JSON.stringify({ baseVersion: null, content: contentOf(other, caseA, pdf) }),
    );
    expect([refused.status, errorCode(refused.body)]).toEqual([403, 'draft.not-allowed']);
  });

  it('keeps each change made from the latest version and refuses one made from an older one, saying who changed it', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { paralegal, docketing } = await firm();
    const pdf = await makePdf(1);
    await paralegal.put(`/api/documents/${sha256(pdf)}`, pdf);
    const id = randomUUID();
    expect(
      (
        await paralegal.put(
          `/api/drafts/${id}`,
          JSON.stringify({ baseVersion: null, content: contentOf(id, caseA, pdf) }),
        )
      ).status,
    ).toBe(201);
    const again = await docketing.put(
      `/api/drafts/${id}`,
      JSON.stringify({ baseVersion: null, content: contentOf(id, caseA, pdf) }),
    );
    expect([again.status, errorCode(again.body)]).toEqual([409, 'draft.exists']);

    // Both change version 1 at the same moment: exactly one change is kept, the other is refused and names the first.
    const changes = await Promise.all(
      [
        [paralegal, 'Paralegal’s annotation'],
        [docketing, 'Docketing’s annotation'],
      ].map(([who, annotation]) =>
        (who as typeof paralegal).put(
          `/api/drafts/${id}`,
          JSON.stringify({ baseVersion: 1, content: contentOf(id, caseA, pdf, annotation as string) }),
        ),
      ),
    );
    expect(changes.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const kept = changes.find((answer) => answer.status === 200)!;
    const lost = changes.find((answer) => answer.status === 409)!;
    expect(errorCode(lost.body)).toBe('draft.conflict');
    const keptDraft = sharedDraft.parse(JSON.parse(kept.body));
    expect(keptDraft.version).toBe(2);
    expect(lost.body).toContain(`${keptDraft.updatedBy} changed this draft`);
    expect(lost.body).toContain('version 2');
    // What the server holds is the change it said it kept.
    const held = sharedDraft.parse(JSON.parse((await paralegal.get(`/api/drafts/${id}`)).body));
    expect(held.content.draft.docketAnnotation).toBe(keptDraft.content.draft.docketAnnotation);
    expect(held.version).toBe(2);
  });

  it('refuses a document that is not the one its address names, or not a PDF, and a draft that is not one', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { paralegal } = await firm();
    const pdf = await makePdf(3);
    const damaged = Uint8Array.from(pdf);
    damaged.set([(damaged.at(-10) ?? 0) ^ 0xff], damaged.length - 10);
    const wrong = await paralegal.put(`/api/documents/${sha256(pdf)}`, damaged);
    expect([wrong.status, errorCode(wrong.body)]).toEqual([400, 'document.invalid']);
    const text = new TextEncoder().encode('not a pdf at all');
    const notPdf = await paralegal.put(`/api/documents/${sha256(text)}`, text);
    expect([notPdf.status, errorCode(notPdf.body)]).toEqual([400, 'document.invalid']);
    expect((await paralegal.get(`/api/documents/${sha256(pdf)}`)).status).toBe(404);

    const id = randomUUID();
    for (const body of [
      '{"baseVersion": null',
      JSON.stringify({ baseVersion: null, content: { draft: { id } } }),
      JSON.stringify({ baseVersion: null, content: contentOf(randomUUID(), caseA, pdf) }),
      JSON.stringify({
        baseVersion: null,
        content: { ...contentOf(id, caseA, pdf), draft: { ...contentOf(id, caseA, pdf).draft, case: null } },
      }),
      JSON.stringify({ baseVersion: null, content: contentOf(id, caseA, pdf, 'a\u0000b') }),
      JSON.stringify({ baseVersion: null, content: contentOf(id, caseA, pdf, 'x'.repeat(600 * 1024)) }),
    ]) {
      const answer = await paralegal.put(`/api/drafts/${id}`, body);
      expect([answer.status, errorCode(answer.body)], body.slice(0, 80)).toEqual([400, 'draft.invalid']);
    }
    // Sizes are refused before a byte is read: over 1 MiB for a draft, over 100 MB for a document.
    expect((await paralegal.put(`/api/drafts/${id}`, 'x'.repeat(1024 * 1024 + 1))).status).toBe(413);
    expect(maxDocumentUploadBytes).toBe(100 * 1024 * 1024);
  });

  it('moves a draft to another case only for someone on both teams', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { paralegal, attorney } = await firm();
    const pdf = await makePdf(4);
    await paralegal.put(`/api/documents/${sha256(pdf)}`, pdf);
    const id = randomUUID();
    await paralegal.put(`/api/drafts/${id}`, JSON.stringify({ baseVersion: null, content: contentOf(id, caseA, pdf) }));
    const moved = await paralegal.put(
      `/api/drafts/${id}`,
      JSON.stringify({ baseVersion: 1, content: contentOf(id, caseB, pdf) }),
    );
    expect([moved.status, errorCode(moved.body)]).toEqual([403, 'draft.not-allowed']);
    expect((await attorney.get(`/api/drafts/${id}`)).status).toBe(404);
    const taken = await attorney.put(
      `/api/drafts/${id}`,
      JSON.stringify({ baseVersion: 1, content: contentOf(id, caseB, pdf) }),
    );
    expect([taken.status, errorCode(taken.body)]).toEqual([404, 'draft.not-found']);
  });
});
