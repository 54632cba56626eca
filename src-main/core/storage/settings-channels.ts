import { settings as settingsSchema, type ManagedSetting, type PageMapInUse, type Settings } from '../../shared/domain';
import { describeError } from '../../shared/describe-error';
import { readPageMap } from '../court/page-map';
import type { ChannelHandlers } from '../api/handlers';
import { AppError } from '../errors';
import type { SettingsFile } from '../ports';

/** What the settings' channels need: the settings as machine policy lets them be, and what a change sets off. */
export interface SettingsChannelsDependencies {
  /** The user's settings with machine policy applied over them (writing keeps policy's values out of the file). */
  readonly settings: SettingsFile;
  /** The settings machine policy manages, which the renderer shows locked. */
  readonly managed: () => readonly ManagedSetting[];
  /** Which page map filing with the court in use goes by. */
  readonly pageMapInUse: () => PageMapInUse;
  /** Called after a change of court profile is saved. */
  readonly onCourtProfileChanged: (profileId: Settings['courtProfile']) => void;
}

/** The settings' channels: reading them, what policy manages, and saving a change. */
export function settingsChannels(dependencies: SettingsChannelsDependencies): ChannelHandlers<'settings'> {
  const { settings } = dependencies;
  return {
    'settings.managed': async () => [...dependencies.managed()],
    'settings.get': async () => settings.read(),
    'settings.pageMap': async () => dependencies.pageMapInUse(),
    'settings.update': async (changes) => {
      const previous = settings.read();
      if (changes.pageMap) {
        try {
          readPageMap(changes.pageMap.text);
        } catch (error) {
          throw new AppError(
            'court.page-map-invalid',
            `${changes.pageMap.fileName} cannot be loaded as a court page map. ${describeError(error).message} Nothing was changed.`,
          );
        }
      }
      // A key sent as undefined (possible over IPC, not over JSON) changes nothing; it must not erase the setting.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const parsed = settingsSchema.safeParse({ ...previous, ...given });
      if (!parsed.success) {
        throw new AppError(
          'settings.invalid',
          'These settings cannot be saved together: one of them has a value ECF Desk does not accept. Nothing was changed.',
        );
      }
      const next = parsed.data;
      settings.write(next);
      if (next.courtProfile !== previous.courtProfile) {
        dependencies.onCourtProfileChanged(next.courtProfile);
      }
      return next;
    },
  };
}
