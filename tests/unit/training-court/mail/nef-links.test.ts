// @vitest-environment jsdom
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeNefEmail, composeNefReceiptPage } from '../../../../src-main/training-court/mail/compose-nef';
import { sampleNefEntry } from './sample-nef-entry';

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('NEF links as a browser or mail client reads them', () => {
  it('resolves the bare-& free-look link to exactly the doc1 URL with caseid, de_seq_num and magic_num', async () => {
    const raw = composeNefEmail(
      sampleNefEntry(),
      { email: 'jmorgan@acmelaw.example', magicNum: '95806321' },
      { messageId: '1', date: new Date('2026-07-14T19:42:12Z') },
    );
    const parsed = await simpleParser(raw);
    const document = parseHtml(typeof parsed.html === 'string' ? parsed.html : '');
    const links = [...document.querySelectorAll('a')].map((anchor) => [
      anchor.textContent,
      anchor.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['1:26-cv-00123-MMB', 'http://127.0.0.1:8931/cgi-bin/DktRpt.pl?4821'],
      ['17', 'http://127.0.0.1:8931/doc1/0141348336?caseid=4821&de_seq_num=52&magic_num=95806321'],
    ]);
  });

  it('percent-encodes a magic number that is not plain digits, so it cannot add a parameter', async () => {
    const raw = composeNefEmail(
      sampleNefEntry(),
      { email: 'jmorgan@acmelaw.example', magicNum: '1&use_magic=1"' },
      { messageId: '1', date: new Date() },
    );
    const parsed = await simpleParser(raw);
    const href = parseHtml(typeof parsed.html === 'string' ? parsed.html : '')
      .querySelectorAll('a')[1]
      ?.getAttribute('href');
    expect(href).toBe('http://127.0.0.1:8931/doc1/0141348336?caseid=4821&de_seq_num=52&magic_num=1%26use_magic%3D1%22');
  });

  it('gives the receipt page a doc1 link without a magic number', () => {
    const href = parseHtml(composeNefReceiptPage(sampleNefEntry()).body).querySelectorAll('a')[1]?.getAttribute('href');
    expect(href).toBe('http://127.0.0.1:8931/doc1/0141348336?caseid=4821&de_seq_num=52');
  });
});
