import { useEffect, useState } from 'react';
import type { Draft } from '../../../src-main/shared/filing';
import type { RecordView } from '../../../src-main/shared/filing-record';
import { formatDateTime } from '../../format/format-date-time';
import { useFilings } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';
import { downloadFile } from '../download-file';
import { recordActionLabels, recordActor, recordFileName } from '../describe-record';
import './FilingRecordSection.css';

/** The two files a record exports: the JSON `ecf-desk audit verify` checks, and the report to keep with the matter. */
const exports = [
  { format: 'json', label: 'Export record (JSON)' },
  { format: 'pdf', label: 'Export report (PDF)' },
] as const;

/**
 * The filing's record (docs/architecture.md#the-filing-record): every action as a compact timeline, whether the chain
 * still verifies, and the record as a JSON file to check with `ecf-desk audit verify` or a PDF report to keep.
 */
export function FilingRecordSection({ draft }: { readonly draft: Draft }) {
  const loadRecord = useFilings((state) => state.record);
  const exportRecord = useFilings((state) => state.exportRecord);
  const inBackground = useInBackground();
  const [record, setRecord] = useState<RecordView | null>(null);

  // Read again whenever the draft changes: each change in the outbox adds to the record.
  useEffect(() => {
    let isCurrent = true;
    inBackground(
      'Reading the filing record',
      loadRecord(draft.id).then((view) => {
        if (isCurrent) {
          setRecord(view);
        }
      }),
    );
    return () => {
      isCurrent = false;
    };
  }, [draft.id, draft.updatedAt, loadRecord, inBackground]);

  const save = async (format: 'json' | 'pdf'): Promise<void> => {
    const bytes = await exportRecord(draft.id, format);
    if (bytes) {
      downloadFile(
        bytes,
        recordFileName(draft.case?.caseNumber ?? null, draft.id, format),
        format === 'json' ? 'application/json' : 'application/pdf',
      );
    }
  };

  return (
    <section className="filing-record" aria-labelledby="filing-record-title" data-testid="filing-record">
      <h3 id="filing-record-title" className="filing-record__title">
        Filing record
      </h3>
      {record === null ? (
        <p className="wizard-step__muted">Reading the record…</p>
      ) : (
        <>
          {record.verifies ? (
            <p className="filing-record__verdict filing-record__verdict--ok" data-testid="record-verdict">
              The record verifies: no entry was changed, removed or reordered.
            </p>
          ) : (
            <p
              className="filing-record__verdict filing-record__verdict--broken"
              data-testid="record-verdict"
              role="alert"
            >
              Entry {record.brokenEntry} is broken: the record was changed after it was written.
            </p>
          )}
          {record.entries.length === 0 ? (
            <p className="wizard-step__muted">Nothing has been recorded for this filing yet.</p>
          ) : (
            <ol className="filing-record__timeline" aria-label="What happened to this filing">
              {record.entries.map((entry) => {
                const { date, time } = formatDateTime(entry.at);
                return (
                  <li key={entry.hash} className="filing-record__entry" data-testid="record-entry">
                    <time dateTime={entry.at} className="filing-record__time">
                      {date} {time}
                    </time>
                    <span className="filing-record__who">{recordActor(entry)}</span>
                    <span className="filing-record__action">{recordActionLabels[entry.action]}</span>
                    {entry.detail && <span className="filing-record__detail">{entry.detail}</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
      <div className="wizard-step__actions">
        {exports.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button button--small"
            data-testid={`export-record-${format}`}
            onClick={() => inBackground('Exporting the filing record', save(format))}
          >
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
