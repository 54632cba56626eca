import type { AppInfo } from '../../src-main/shared/domain';
import { useAppInfo } from '../state/StoresProvider';
import { CourtBadge } from './CourtBadge';
import './AppHeader.css';

/** The words for the host badge: people in browser mode should know they are not in the desktop window. */
function describeHost(host: AppInfo['host']): string {
  return host === 'browser' ? 'Browser mode' : 'Desktop';
}

/** The bar across the top: the app's name, where it runs and keeps its data, and which court it talks to. */
export function AppHeader() {
  const info = useAppInfo((state) => state.info);
  return (
    <header className="app-header">
      <span className="app-header__name">ECF Desk</span>
      {info && (
        <span className="app-header__badge" title={`Version ${info.version}. Data folder: ${info.dataFolder}`}>
          {describeHost(info.host)}
          <span className="visually-hidden">. Data folder: {info.dataFolder}</span>
        </span>
      )}
      <CourtBadge />
    </header>
  );
}
