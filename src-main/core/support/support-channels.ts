import type { ChannelHandlers } from '../api/handlers';
import { writeSupportBundle, type SupportBundleInput } from './support-bundle';

/** Support's channel: the bundle a user sends to their IT team, built from what holds at the moment it is asked for. */
export function supportChannels(current: () => SupportBundleInput): ChannelHandlers<'support'> {
  return {
    'support.exportBundle': async () => writeSupportBundle(current()),
  };
}
