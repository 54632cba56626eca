import type { IconName } from '../components/Icon';
import type { PreflightTone } from '../format/describe-preflight';

/** The icon beside a preflight verdict, the same in the list and in the findings panel (none while busy or idle). */
export const toneIcons: Readonly<Record<PreflightTone, IconName | null>> = {
  ready: 'check',
  warning: 'warning',
  blocked: 'error',
  failed: 'error',
  busy: null,
  idle: null,
};
