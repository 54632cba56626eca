import { useCallback, useEffect, useRef, useState } from 'react';
import { AccountsScreen } from './accounts/AccountsScreen';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { FilingsScreen } from './filings/FilingsScreen';
import { OpenHelpContext } from './help/help-navigation';
import { HelpScreen } from './help/HelpScreen';
import { InboxScreen } from './inbox/InboxScreen';
import { FirmDocketScreen } from './docket/FirmDocketScreen';
import { useNoticeNotifications } from './inbox/use-notice-notifications';
import { SettingsScreen } from './settings/SettingsScreen';
import { AppHeader } from './shell/AppHeader';
import { ErrorBanner } from './shell/ErrorBanner';
import { NavigationRail, type ScreenId } from './shell/NavigationRail';
import { TrainingCourtIntro } from './shell/TrainingCourtIntro';
import { readWindowAddress, writeWindowAddress } from './shell/window-address';
import {
  useAppInfo,
  useCourt,
  useDocuments,
  useFilings,
  useFirmDocket,
  useInbox,
  useSettings,
} from './state/StoresProvider';
import './App.css';
import { useInBackground } from './state/background';

/** The window: header across the top, the screens rail on the left, the current screen in the middle. */
export function App() {
  const inBackground = useInBackground();
  const loadAppInfo = useAppInfo((state) => state.load);
  useEffect(() => inBackground('Reading the app facts', loadAppInfo()), [inBackground, loadAppInfo]);
  const connectCourt = useCourt((state) => state.connect);
  useEffect(() => connectCourt(), [connectCourt]);
  // Notices arrive whichever screen is shown, so the inbox follows main's events for the whole window.
  const connectInbox = useInbox((state) => state.connect);
  useEffect(() => connectInbox(), [connectInbox]);
  useNoticeNotifications();
  // The firm docket is on the rail while a firm server is connected: as Settings last said, else as asked at start.
  const checkFirmConnection = useFirmDocket((state) => state.checkConnection);
  useEffect(
    () => inBackground('Asking for the firm server', checkFirmConnection()),
    [inBackground, checkFirmConnection],
  );
  const firmAtStart = useFirmDocket((state) => state.isConnected);
  const firmInSettings = useSettings((state) => state.firmServer?.state ?? null);
  const hasFirmDocket = firmInSettings === null ? firmAtStart === true : firmInSettings === 'connected';
  const selectDocument = useDocuments((state) => state.select);
  const openDraft = useFilings((state) => state.openDraft);
  const closeDraft = useFilings((state) => state.close);
  const openDraftId = useFilings((state) => state.open?.draft.id ?? null);
  // A reload comes back to the screen and the draft in the address (shell/window-address.ts says why the address).
  const [startAddress] = useState(readWindowAddress);
  const [screen, setScreen] = useState<ScreenId>(startAddress?.screen ?? 'documents');
  /** The draft the address named at start, until it is open (or could not be): the address keeps it meanwhile. */
  const [reopening, setReopening] = useState(startAddress?.draftId ?? null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (startAddress?.draftId) {
      inBackground(
        'Opening the filing again',
        openDraft(startAddress.draftId).finally(() => setReopening(null)),
      );
    }
  }, [inBackground, openDraft, startAddress]);
  useEffect(() => {
    if (reopening === null) {
      writeWindowAddress({ screen, draftId: screen === 'filings' ? openDraftId : null });
    }
  }, [reopening, screen, openDraftId]);

  // The Help topic another screen asked for; each request is new, so the same topic opened twice lands again.
  const [helpRequest, setHelpRequest] = useState<{ readonly topicId: string; readonly count: number } | null>(null);

  const choose = (next: ScreenId): void => {
    // Filings chosen on the rail while a draft is open goes back to the list, as the rail's other screens start at theirs.
    if (next === 'filings' && screen === 'filings') {
      closeDraft();
    }
    setScreen(next);
    setHelpRequest(null);
    // Like a skip link: the next Tab goes into the chosen screen rather than down the rail.
    mainRef.current?.focus();
  };

  /** From an error on any screen to its Help topic, with focus on the topic's heading. */
  const openHelp = useCallback((topicId: string): void => {
    setHelpRequest((previous) => ({ topicId, count: (previous?.count ?? 0) + 1 }));
    setScreen('help');
  }, []);

  /** From a filing to the Documents screen, with that document's findings and fixes shown. */
  const openDocument = (documentId: string): void => {
    selectDocument(documentId);
    choose('documents');
  };

  const renderScreen = () => {
    switch (screen) {
      case 'documents':
        return <DocumentsScreen />;
      case 'filings':
        return <FilingsScreen onOpenDocument={openDocument} onOpenAccounts={() => choose('accounts')} />;
      case 'inbox':
        return <InboxScreen onOpenAccounts={() => choose('accounts')} />;
      case 'docket':
        return <FirmDocketScreen />;
      case 'accounts':
        return <AccountsScreen />;
      case 'settings':
        return <SettingsScreen onOpenInbox={() => choose('inbox')} />;
      case 'help':
        return <HelpScreen key={helpRequest?.count ?? 0} initialTopic={helpRequest?.topicId} />;
    }
  };

  return (
    <div className="app">
      <AppHeader />
      <NavigationRail current={screen} onChoose={choose} hasFirmDocket={hasFirmDocket} />
      <main ref={mainRef} className="app__main" tabIndex={-1}>
        <OpenHelpContext.Provider value={openHelp}>
          <ErrorBanner />
          <TrainingCourtIntro focusAfterward={mainRef} />
          {renderScreen()}
        </OpenHelpContext.Provider>
      </main>
    </div>
  );
}
