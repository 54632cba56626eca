import type { CourtProfileId } from '../../shared/domain';

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
  /** PACER's login service (NEF-AND-PACER.md §3.1); the training court serves the same contract itself. */
  readonly loginServiceUrl: string | null;
}

/** The profiles the app ships with; the training court is the default, so a new user can try everything. */
export const courtProfiles: Readonly<Record<CourtProfileId, CourtProfile>> = {
  'cit-training': { id: 'cit-training', name: 'CIT — training (local)', kind: 'training', isExperimental: false, ecfUrl: null, loginServiceUrl: null },
  cit: {
    id: 'cit',
    name: 'CIT — U.S. Court of International Trade',
    kind: 'live',
    // Untested against the court here: the app has no access to the CIT's training database.
    isExperimental: true,
    ecfUrl: 'https://ecf.cit.uscourts.gov',
    loginServiceUrl: 'https://pacer.login.uscourts.gov/services/cso-auth',
  },
};
