import { useId, useState } from 'react';
import { downloadFile } from '../filings/download-file';
import { attempt } from '../state/attempt';
import { useSettings } from '../state/StoresProvider';
import './SupportBundle.css';
import { useInBackground } from '../state/background';

type ExportState =
  { readonly state: 'idle' } | { readonly state: 'exporting' } | { readonly state: 'failed'; readonly message: string };

/** "ECF Desk support 2026-11-30.json.gz", dated by the user's own calendar. */
export function supportBundleFileName(now: Date): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  return `ECF Desk support ${day}.json.gz`;
}

/** The Support section: exports one file the firm's IT can read to diagnose a problem, and says what it holds and never holds. */
export function SupportBundle() {
  const inBackground = useInBackground();
  const exportSupportBundle = useSettings((state) => state.exportSupportBundle);
  const headingId = useId();
  const contentsId = useId();
  const [exported, setExported] = useState<ExportState>({ state: 'idle' });

  const exportBundle = async (): Promise<void> => {
    setExported({ state: 'exporting' });
    const exported = await attempt(async () =>
      downloadFile(await exportSupportBundle(), supportBundleFileName(new Date()), 'application/gzip'),
    );
    setExported(exported.ok ? { state: 'idle' } : { state: 'failed', message: exported.message });
  };

  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="settings-support">
      <h2 id={headingId} className="settings-section__title">
        Support
      </h2>
      <p id={contentsId} className="settings-section__text">
        If your firm’s IT asks for a support bundle, export one and send them the file. It holds the app’s and this
        computer’s versions, your settings with mailbox addresses hidden, what your organization’s policy sets, the
        court’s state, and the end of the app’s log with email addresses, case numbers and links taken out. It never
        holds your documents, your filings or notices, or any password, authenticator secret or court session.
      </p>
      <div>
        <button
          type="button"
          className="button"
          data-testid="support-export"
          aria-describedby={contentsId}
          disabled={exported.state === 'exporting'}
          onClick={() => inBackground('Exporting the support bundle', exportBundle())}
        >
          {exported.state === 'exporting' ? 'Exporting…' : 'Export a support bundle…'}
        </button>
      </div>
      {exported.state === 'failed' && (
        <p className="support-bundle__problem" role="alert" data-testid="support-export-problem">
          The support bundle could not be made. {exported.message}
        </p>
      )}
    </section>
  );
}
