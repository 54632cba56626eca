import { useId, useState } from 'react';
import { maxPageMapBytes, type LoadedPageMap, type PageMapInUse } from '../../src-main/shared/domain';
import { FileButton } from '../filings/FileButton';
import { useInBackground } from '../state/background';
import { ManagedBadge } from './ManagedBadge';

/** What the Court page map section needs: the map in use, whether a map is loaded, and what loading or dropping one does. */
export interface PageMapSettingProps {
  readonly inUse: PageMapInUse | null;
  /** Whether the user has loaded a map (it may be for another court, or unusable; `inUse` says). */
  readonly hasLoaded: boolean;
  readonly onLoad: (map: LoadedPageMap) => void;
  readonly onUseBuiltIn: () => void;
}

/** One sentence on the map filing goes by. */
function describeInUse(inUse: PageMapInUse): string {
  switch (inUse.source) {
    case 'policy':
      return `Set by your organization: ${inUse.fileName ?? ''}.`;
    case 'file':
      return `Loaded from ${inUse.fileName ?? 'a file'}.`;
    case 'shipped':
      return 'Built in.';
    case 'none':
      return 'ECF Desk has no page map for this court.';
  }
}

/**
 * The Court page map section (docs/court-pages.md#loading-a-page-map): how ECF Desk recognises the court's filing
 * screens. Firm IT can load a map checked with `ecf-desk profile check`, or set one by machine policy, which locks it.
 */
export function PageMapSetting({ inUse, hasLoaded, onLoad, onUseBuiltIn }: PageMapSettingProps) {
  const inBackground = useInBackground();
  const headingId = useId();
  const badgeId = useId();
  /** A file refused before it was read (too large to be a page map); main checks the rest. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const isLocked = inUse?.managedBy != null;

  const load = async (file: File): Promise<void> => {
    if (file.size > maxPageMapBytes) {
      setRefusal(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB: a court page map is at most ${maxPageMapBytes / 1024} KB, so it was not loaded.`,
      );
      return;
    }
    setRefusal(null);
    onLoad({ fileName: file.name, text: await file.text() });
  };

  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="setting-page-map">
      <h2 id={headingId} className="settings-section__title">
        Court page map
      </h2>
      {isLocked && inUse?.managedBy && <ManagedBadge id={badgeId} settingKey="pageMapFile" source={inUse.managedBy} />}
      <p className="choice__hint">
        How ECF Desk recognises the court’s filing screens and which of their fields it fills. Your IT department may
        give you a map checked against the court with <code>ecf-desk profile check</code>.
      </p>
      {inUse && (
        <div className="page-map-setting__in-use" data-testid="page-map-in-use" data-source={inUse.source}>
          <p>{describeInUse(inUse)}</p>
          {inUse.description && <p className="settings-section__note">{inUse.description}</p>}
        </div>
      )}
      {(refusal ?? inUse?.problem) && (
        <p className="settings-section__problem" role="status" data-testid="page-map-problem">
          {refusal ?? inUse?.problem}
        </p>
      )}
      {!isLocked && (
        <div className="settings-section__actions">
          <FileButton
            accept=".json,application/json"
            testId="load-page-map"
            onFiles={([file]) => {
              if (file) {
                inBackground('Reading the page map', load(file));
              }
            }}
          >
            Load a page map…
          </FileButton>
          {hasLoaded && (
            <button type="button" className="button" data-testid="use-built-in-page-map" onClick={onUseBuiltIn}>
              Use the built-in map
            </button>
          )}
        </div>
      )}
    </section>
  );
}
