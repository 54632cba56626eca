import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinChannels, type ChannelHandlers } from '../../../src-main/core/api/handlers';
import { appChannels } from '../../../src-main/core/app-channels';
import { supportChannels } from '../../../src-main/core/support/support-channels';
import { channelNames } from '../../../src-main/shared/channel-names';
import { createTestCore } from '../../support/test-core';

const app = appChannels({ version: '1.2.3', host: 'browser', dataFolder: '/data' });

describe('joinChannels', () => {
  it('does not compile when a channel is served by nobody or by two features', () => {
    // @ts-expect-error every channel but app.getInfo is served by nobody
    const partial = joinChannels(app);
    // @ts-expect-error app.getInfo is served twice
    const twice = joinChannels(app, app);
    // At run time the join is a plain merge: the types above are the check.
    expect(Object.keys(partial)).toEqual(['app.getInfo']);
    expect(Object.keys(twice)).toEqual(['app.getInfo']);
  });

  it("gives a feature's set no channel outside its prefix", () => {
    const other: ChannelHandlers<'support'> = {
      ...supportChannels(() => {
        throw new Error('not in this test');
      }),
      // @ts-expect-error app.getInfo is not a support channel
      'app.getInfo': app['app.getInfo'],
    };
    expect(Object.keys(other)).toContain('support.exportBundle');
  });
});

describe("core's handlers", () => {
  it('serve exactly the channels the contract names', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-channels-'));
    const core = createTestCore(folder);
    try {
      expect(Object.keys(core.handlers).sort()).toEqual([...channelNames].sort());
      await expect(core.handlers['app.getInfo']({})).resolves.toMatchObject({ version: '0.0.0', host: 'browser' });
    } finally {
      await core.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
