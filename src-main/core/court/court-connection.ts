import type { CourtProfileId, CourtStatus } from '../../shared/domain';
import type { RunningTrainingCourt, TrainingCourtLauncher } from '../ports';
import { courtProfiles } from './court-profiles';
import { describeError } from '../../shared/describe-error';

/**
 * Which court the app talks to. With the training profile it runs an embedded training court on a free loopback
 * port for as long as the app runs; with a real court's profile it runs none.
 */
export function createCourtConnection(options: {
  launcher: TrainingCourtLauncher | null;
  onChange: (status: CourtStatus) => void;
}) {
  let running: RunningTrainingCourt | null = null;
  let status: CourtStatus = describe('cit-training', 'starting', null, null);
  // Profile changes and shutdown run one after another, so two courts never start at once.
  let queue: Promise<void> = Promise.resolve();
  let isClosed = false;

  const update = (next: CourtStatus): void => {
    status = next;
    options.onChange(next);
  };

  const stopRunning = async (): Promise<void> => {
    const court = running;
    running = null;
    await court?.close();
  };

  const apply = async (profileId: CourtProfileId): Promise<void> => {
    const profile = courtProfiles[profileId];
    if (profile.kind === 'live') {
      await stopRunning();
      return update(
        describe(
          profileId,
          'ready',
          profile.ecfUrl,
          'Experimental: filing with a real court has not been tested against its training database.',
        ),
      );
    }
    if (running) {
      return update(describe(profileId, 'ready', running.url, null));
    }
    if (!options.launcher) {
      return update(
        describe(profileId, 'unavailable', null, 'This build has no training court. Choose a real court in Settings.'),
      );
    }
    update(describe(profileId, 'starting', null, null));
    try {
      running = await options.launcher.start();
      update(describe(profileId, 'ready', running.url, null));
    } catch (error) {
      update(
        describe(profileId, 'failed', null, `The training court could not start: ${describeError(error).message}`),
      );
    }
  };

  return {
    status: (): CourtStatus => status,
    /** The Maildir tree where the running training court delivers notices, or null. */
    noticeFolder: (): string | null => running?.maildirFolder ?? null,
    /** Switches to a profile (at launch, and when the setting changes); resolves once the court is ready or failed. */
    use(profileId: CourtProfileId): Promise<void> {
      // Once closed, no court starts again (a policy read that ends after the app began to close asks for one).
      queue = queue.then(() => (isClosed ? undefined : apply(profileId)));
      return queue;
    },
    /** Stops the embedded court, if one runs, once a start under way has ended; no court starts after it. */
    close(): Promise<void> {
      isClosed = true;
      queue = queue.then(stopRunning);
      return queue;
    },
  };
}

function describe(
  profileId: CourtProfileId,
  state: CourtStatus['state'],
  ecfUrl: string | null,
  message: string | null,
): CourtStatus {
  const profile = courtProfiles[profileId];
  const loginServiceUrl =
    profile.kind === 'training' ? (ecfUrl === null ? null : `${ecfUrl}/services/cso-auth`) : profile.loginServiceUrl;
  return {
    profileId,
    name: profile.name,
    kind: profile.kind,
    isExperimental: profile.isExperimental,
    state,
    ecfUrl,
    loginServiceUrl,
    message,
  };
}

/** The court connection. */
export type CourtConnection = ReturnType<typeof createCourtConnection>;
