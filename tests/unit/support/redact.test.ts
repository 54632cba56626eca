import { describe, expect, it } from 'vitest';
import { redactForSupport } from '../../../src-main/core/support/redact';

describe('redactForSupport', () => {
  it('replaces email addresses, including mailto: ones', () => {
    expect(redactForSupport('NEF sent to jmorgan@morganreyes.example and R.Patel+ecf@firm.co.uk')).toBe(
      'NEF sent to <email> and <email>',
    );
    expect(redactForSupport('reply to mailto:docketing@morganreyes.example')).toBe('reply to mailto:<email>');
  });

  it('replaces case numbers in every form CM/ECF writes them', () => {
    expect(redactForSupport('case 1:26-cv-00123-MMB filed')).toBe('case <case> filed');
    expect(redactForSupport('case 1:26-cv-00123-MMB-ABC filed')).toBe('case <case> filed');
    expect(redactForSupport('case 26-cv-00123 filed')).toBe('case <case> filed');
    expect(redactForSupport('Court No. 26-00123')).toBe('Court No. <case>');
    expect(redactForSupport('In re Acme, Case No. 24-10418-CTG')).toBe('In re Acme, Case No. <case>');
    expect(redactForSupport('appeal 22-1455 docketed')).toBe('appeal <case> docketed');
    expect(redactForSupport('Federal Circuit No. 2022-1455')).toBe('Federal Circuit No. <case>');
  });

  it('keeps the log’s own timestamps and durations, which are not case numbers', () => {
    const line = '2026-11-30T15:00:00.000Z imap mailbox-1: connecting again in 30 s.';
    expect(redactForSupport(line)).toBe(line);
  });

  it('reduces a doc1 link to its scheme and host, dropping the document number and magic_num', () => {
    expect(
      redactForSupport(
        'fetched https://ecf.cit.uscourts.gov/doc1/12312345678?caseid=1017&de_seq_num=12&magic_num=87654321 ok',
      ),
    ).toBe('fetched https://ecf.cit.uscourts.gov/<link> ok');
    expect(redactForSupport('see https://ecf.cit.uscourts.gov/docs1/123012345678.')).toBe(
      'see https://ecf.cit.uscourts.gov/<link>.',
    );
  });

  it('drops any address’s path and query but keeps its port, which tells the training court from the real one', () => {
    expect(redactForSupport('NDA at http://127.0.0.1:53211/cgi-bin/show_doc.pl?caseid=1017&de_seq_num=12&uid=99')).toBe(
      'NDA at http://127.0.0.1:53211/<link>',
    );
    expect(redactForSupport('court at https://ecf.cit.uscourts.gov')).toBe('court at https://ecf.cit.uscourts.gov');
  });

  it('drops a user and password written into an address', () => {
    expect(redactForSupport('imaps://jmorgan:hunter2@mail.firm.example:993/INBOX')).toBe(
      'imaps://mail.firm.example:993/<link>',
    );
  });

  it('replaces document paths and link parameters met without an address', () => {
    expect(redactForSupport('href="/doc1/12312345678?magic_num=87654321"')).toBe('href="<link>"');
    expect(redactForSupport('link had magic_num=87654321&uid=4455 caseid=1017 de_seq_num=12')).toBe(
      'link had magic_num=<link>&uid=<link> caseid=<link> de_seq_num=<link>',
    );
  });

  it('replaces 64- and 128-digit hex strings (hashes and tokens)', () => {
    expect(redactForSupport(`sha256 ${'ab12'.repeat(16)} stored`)).toBe('sha256 <hex> stored');
    expect(redactForSupport(`token ${'f0'.repeat(64)}`)).toBe('token <hex>');
  });

  it('replaces runs of eight digits or more and keeps shorter numbers', () => {
    expect(redactForSupport('receipt 123456789012 for 3 pages, entry 1234567')).toBe(
      'receipt <number> for 3 pages, entry 1234567',
    );
  });

  it('replaces what follows a “Docket text:” or “Caption:” label, to the end of the line', () => {
    expect(redactForSupport('Docket text: MOTION to Intervene by Acme Steel Corp.')).toBe('Docket text: <text>');
    expect(redactForSupport('Caption: Acme Steel Corp. v. United States')).toBe('Caption: <text>');
  });

  it('replaces key=value secrets as defence in depth, though secrets never reach the log', () => {
    expect(redactForSupport('password=hunter2 token=abc.def secret: "s3 cr3t" client_secret=xyz')).toBe(
      'password=<secret> token=<secret> secret: <secret> client_secret=<secret>',
    );
    expect(redactForSupport('Cookie: NextGenCSO=abcdef0123; PacerSession=zzz')).toBe(
      'Cookie: <secret>; PacerSession=<secret>',
    );
    expect(redactForSupport('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(
      'Authorization: Bearer <secret>',
    );
    expect(redactForSupport('sent Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe('sent Bearer <secret>');
  });

  it('redacts a realistic log excerpt and keeps what helps diagnose it', () => {
    const excerpt = [
      '2026-11-30T15:00:01.000Z Inbox: an email from jmorgan@morganreyes.example could not be read: no NEF for 1:26-cv-00123-MMB',
      '2026-11-30T15:00:02.000Z Outbox: 3f9c2d1e stopped: The court answered 500 at https://ecf.cit.uscourts.gov/cgi-bin/Dispatch.pl?831234567890',
      '2026-11-30T15:00:03.000Z imap mailbox-1: connection error: Command failed (AUTHENTICATIONFAILED)',
      '2026-11-30T15:00:04.000Z Inbox: saved http://127.0.0.1:53211/doc1/12312345678?caseid=1017&magic_num=87654321 as ' +
        'c'.repeat(64),
      '2026-11-30T15:00:05.000Z Policy: ignored "updateChannel" in /etc/ecf-desk/policy.json: ECF Desk has no policy by that name.',
    ].join('\n');
    expect(redactForSupport(excerpt)).toBe(
      [
        '2026-11-30T15:00:01.000Z Inbox: an email from <email> could not be read: no NEF for <case>',
        '2026-11-30T15:00:02.000Z Outbox: 3f9c2d1e stopped: The court answered 500 at https://ecf.cit.uscourts.gov/<link>',
        '2026-11-30T15:00:03.000Z imap mailbox-1: connection error: Command failed (AUTHENTICATIONFAILED)',
        '2026-11-30T15:00:04.000Z Inbox: saved http://127.0.0.1:53211/<link> as <hex>',
        '2026-11-30T15:00:05.000Z Policy: ignored "updateChannel" in /etc/ecf-desk/policy.json: ECF Desk has no policy by that name.',
      ].join('\n'),
    );
  });
});
