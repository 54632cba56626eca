import type { EcfApi } from '../../src-main/shared/ecf-api';
import type { Transport } from './transport';

/** The Electron transport: every call goes through the preload's allowlisted `window.ecf`. */
export function createIpcTransport(ecf: EcfApi): Transport {
  return {
    host: 'electron',
    invoke: (channel, args) => ecf.invoke(channel, args),
    on: (event, listener) => ecf.on(event, listener),
  };
}
