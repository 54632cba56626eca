import type { CourtProfileId, CourtStatus } from '../../shared/domain';
import type { TrustedHosts, UrlTrust } from '../security/url-gate';

/**
 * A court as the app reaches it. Everything court-specific lives in a profile, so a real court's addresses
 * can be set (or locked by policy) without touching code.
 */
export interface CourtProfile {
  readonly id: CourtProfileId;
  readonly name: string;
  readonly kind: 'training' | 'live';
  readonly isExperimental: boolean;
  /** CM/ECF's base URL; for the training court it is known only once the court runs on its loopback port. */
  readonly ecfUrl: string | null;
  /** PACER's login service (`cso-auth`); the training court serves the same contract itself. */
  readonly loginServiceUrl: string | null;
  /**
   * The hosts whose links in a notice the app trusts and fetches, and the only hosts it sends court traffic to. The
   * notice's court must still be the link's court: a nysd notice's link must go to `ecf.nysd.uscourts.gov`.
   */
  readonly trustedHosts: TrustedHosts;
}

/**
 * The courts' own hosts, wherever a notice comes from (a firm's mailbox gets every court's notices): each court's
 * CM/ECF site and training database; the appellate courts on ACMS, each on its one host (the Second and Ninth
 * Circuits serve their Notices of Docket Activity from `<court>-showdoc.azurewebsites.us`); PACER's login service.
 */
const courtHosts = {
  cmecfHosts: ['ecf.{court}.uscourts.gov', 'ecf-train.{court}.uscourts.gov'],
  acmsHosts: { ca2: 'ca2-showdoc.azurewebsites.us', ca9: 'ca9-showdoc.azurewebsites.us' },
  loginHosts: ['pacer.login.uscourts.gov'],
} as const;

/** The profiles the app ships with; the training court is the default, so a new user can try everything. */
export const courtProfiles: Readonly<Record<CourtProfileId, CourtProfile>> = {
  'cit-training': {
    id: 'cit-training',
    name: 'CIT — training (local)',
    kind: 'training',
    isExperimental: false,
    ecfUrl: null,
    loginServiceUrl: null,
    // Its notices are the CIT's, and link to its own loopback address (known once it runs).
    trustedHosts: { ...courtHosts, loopbackCourt: 'cit' },
  },
  cit: {
    id: 'cit',
    name: 'CIT — U.S. Court of International Trade',
    kind: 'live',
    // Untested against the court here: the app has no access to the CIT's training database.
    isExperimental: true,
    ecfUrl: 'https://ecf.cit.uscourts.gov',
    loginServiceUrl: 'https://pacer.login.uscourts.gov/services/cso-auth',
    trustedHosts: { ...courtHosts, loopbackCourt: null },
  },
};

/** What the URL gate trusts for the court the app talks to now: its profile's hosts, and the training court's origin once it runs. */
export function urlTrustOf(status: CourtStatus): UrlTrust {
  const profile = courtProfiles[status.profileId];
  const loopbackOrigin =
    profile.kind === 'training' && status.ecfUrl !== null && URL.canParse(status.ecfUrl)
      ? new URL(status.ecfUrl).origin
      : null;
  return { hosts: profile.trustedHosts, loopbackOrigin };
}
