import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronContentSecurityPolicy } from '../../../src-main/shell/content-security-policy';
import { browserContentSecurityPolicy } from '../../../src-main/web/security-headers';
import { projectRoot } from '../../support/paths';

/** The policy in the renderer's own meta tag, which applies wherever the page is opened. */
async function metaContentSecurityPolicy(): Promise<string> {
  const html = await readFile(path.join(projectRoot, 'src-renderer', 'index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) {
    throw new Error('index.html has no Content-Security-Policy meta tag');
  }
  return match[1];
}

/** One directive's sources, or null when the policy does not set it. */
function directive(policy: string, name: string): string[] | null {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found ? found.slice(1) : null;
}

describe('the content security policies of the desktop app, browser mode and the page itself', () => {
  it('let the page preview start pdf.js’s worker from the app’s own files and from nowhere else', async () => {
    for (const policy of [
      electronContentSecurityPolicy,
      browserContentSecurityPolicy,
      await metaContentSecurityPolicy(),
    ]) {
      expect(directive(policy, 'worker-src'), policy).toEqual(["'self'"]);
      expect(directive(policy, 'default-src'), policy).toEqual(["'none'"]);
      expect(directive(policy, 'script-src'), policy).toEqual(["'self'"]);
    }
  });

  it('never allow evaluating strings or compiling WebAssembly', async () => {
    for (const policy of [
      electronContentSecurityPolicy,
      browserContentSecurityPolicy,
      await metaContentSecurityPolicy(),
    ]) {
      expect(policy).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-inline/);
    }
  });

  it('keep the desktop renderer off the network', () => {
    expect(directive(electronContentSecurityPolicy, 'connect-src')).toEqual(["'none'"]);
  });
});
