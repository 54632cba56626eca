import type { ReactElement } from 'react';
import { Icon } from '../components/Icon';
import './NavigationRail.css';

/** The app's screens, as the rail lists them. */
export type ScreenId = 'documents' | 'filings' | 'inbox' | 'docket' | 'accounts' | 'settings' | 'help';

const screens: readonly { readonly id: ScreenId; readonly label: string; readonly icon: ReactElement }[] = [
  { id: 'documents', label: 'Documents', icon: <Icon name="document" /> },
  { id: 'filings', label: 'Filings', icon: <Icon name="filing" /> },
  { id: 'inbox', label: 'Inbox', icon: <Icon name="inbox" /> },
  { id: 'docket', label: 'Firm docket', icon: <Icon name="docket" /> },
  { id: 'accounts', label: 'Accounts', icon: <Icon name="account" /> },
  { id: 'settings', label: 'Settings', icon: <Icon name="settings" /> },
  { id: 'help', label: 'Help', icon: <Icon name="help" /> },
];

/** Whether a word names one of the app's screens (as the window's address does). */
export function isScreenId(word: string): word is ScreenId {
  return screens.some((screen) => screen.id === word);
}

/** What the rail needs: the screen shown and what choosing another does. */
export interface NavigationRailProps {
  readonly current: ScreenId;
  readonly onChoose: (screen: ScreenId) => void;
  /** Whether the firm docket is listed: only while a firm server is connected. */
  readonly hasFirmDocket?: boolean;
}

/** The left rail with the app's screens; the one shown is marked as the current page. */
export function NavigationRail({ current, onChoose, hasFirmDocket = false }: NavigationRailProps) {
  return (
    <nav className="navigation-rail" aria-label="Screens">
      <ul className="navigation-rail__list">
        {screens
          .filter((screen) => hasFirmDocket || screen.id !== 'docket')
          .map((screen) => (
            <li key={screen.id}>
              <button
                type="button"
                className="navigation-rail__item"
                data-testid={`rail-${screen.id}`}
                aria-current={screen.id === current ? 'page' : undefined}
                title={screen.label}
                onClick={() => onChoose(screen.id)}
              >
                {screen.icon}
                <span className="navigation-rail__label">{screen.label}</span>
              </button>
            </li>
          ))}
      </ul>
    </nav>
  );
}
