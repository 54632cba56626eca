import type { CourtProfileId } from '../../shared/domain';
import { courtProfiles } from '../court/court-profiles';
import type { UrlTrust } from '../security/url-gate';

/**
 * What the firm server's URL gate trusts, as the desktop decides it (`urlTrustOf`): the court profile's hosts, and for
 * the training court only, its loopback origin. A training origin is taken only as `http://` on a loopback address
 * with a port (the gate counts no other); null says why not.
 */
export function firmCourtTrust(
  profileId: CourtProfileId,
  trainingOrigin: string | null,
): { readonly trust: UrlTrust } | { readonly refusal: string } {
  const profile = courtProfiles[profileId];
  if (profile.kind !== 'training') {
    return trainingOrigin === null
      ? { trust: { hosts: profile.trustedHosts, loopbackOrigin: null } }
      : { refusal: '--training-court-origin goes with --court cit-training only.' };
  }
  const parsed = trainingOrigin !== null && URL.canParse(trainingOrigin) ? new URL(trainingOrigin) : null;
  if (
    parsed === null ||
    parsed.protocol !== 'http:' ||
    !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) ||
    parsed.port === '' ||
    parsed.origin !== (trainingOrigin ?? '').replace(/\/$/, '')
  ) {
    return {
      refusal:
        '--court cit-training needs --training-court-origin http://127.0.0.1:PORT: the training court on this computer.',
    };
  }
  return { trust: { hosts: profile.trustedHosts, loopbackOrigin: parsed.origin } };
}
