import type { ChannelHandlers } from './api/handlers';

/** What `app.getInfo` tells the renderer about this launch. */
export interface AppChannelsDependencies {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  readonly dataFolder: string;
}

/** The app's own channel: its name, version, host and data folder. */
export function appChannels(dependencies: AppChannelsDependencies): ChannelHandlers<'app'> {
  return {
    'app.getInfo': async () => ({
      name: 'ECF Desk',
      version: dependencies.version,
      host: dependencies.host,
      dataFolder: dependencies.dataFolder,
    }),
  };
}
