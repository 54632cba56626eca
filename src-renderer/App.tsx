import { useEffect } from 'react';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { AppHeader } from './shell/AppHeader';
import { ErrorBanner } from './shell/ErrorBanner';
import { NavigationRail } from './shell/NavigationRail';
import { useAppInfo, useCourt } from './state/StoresProvider';
import './App.css';

const mainId = 'main';

/** The window: header across the top, the screens rail on the left, the current screen in the middle. */
export function App() {
  const loadAppInfo = useAppInfo((state) => state.load);
  useEffect(() => void loadAppInfo(), [loadAppInfo]);
  const connectCourt = useCourt((state) => state.connect);
  useEffect(() => connectCourt(), [connectCourt]);
  return (
    <div className="app">
      <AppHeader />
      <NavigationRail mainId={mainId} />
      <main className="app__main" id={mainId} tabIndex={-1}>
        <ErrorBanner />
        <DocumentsScreen />
      </main>
    </div>
  );
}
