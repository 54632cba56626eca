import { useEffect, useState, type FormEvent } from 'react';
import type { FirmDocketItem } from '../../src-main/shared/firm-server';
import { Chip, type ChipTone } from '../filings/StatusChip';
import { standingLabels } from '../filings/describe-draft';
import { formatCourtDate } from '../inbox/describe-notice';
import { useInBackground } from '../state/background';
import { useFirmDocket } from '../state/StoresProvider';
import './FirmDocketScreen.css';

/** Each kind of line, in a few words and a colour. */
const kinds: Record<FirmDocketItem['kind'], { readonly label: string; readonly tone: ChipTone }> = {
  notice: { label: 'Notice', tone: 'submitted' },
  deadline: { label: 'Deadline', tone: 'due-soon' },
  filing: { label: 'Filing', tone: 'draft' },
};

/** The filter as typed: the case and dates are asked for when the form is sent, the attorney when chosen. */
interface TypedFilter {
  readonly caseNumber: string;
  readonly attorney: string;
  readonly from: string;
  readonly to: string;
}

const noFilter: TypedFilter = { caseNumber: '', attorney: '', from: '', to: '' };

/**
 * The firm docket (docs/firm-server.md#the-firm-docket): one list, newest date first, of the notices, the deadlines
 * they set and the shared filings with their outbox states, of the user's cases across the firm; filtered by case,
 * attorney and dates.
 */
export function FirmDocketScreen() {
  const docket = useFirmDocket((state) => state.docket);
  const status = useFirmDocket((state) => state.status);
  const filter = useFirmDocket((state) => state.filter);
  const setFilter = useFirmDocket((state) => state.setFilter);
  const load = useFirmDocket((state) => state.load);
  const inBackground = useInBackground();
  const [typed, setTyped] = useState<TypedFilter>({ ...noFilter, ...filter });
  useEffect(() => inBackground("Reading the firm's docket", load()), [inBackground, load]);

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    inBackground("Reading the firm's docket", setFilter(typed));
  };
  const choose = (change: Partial<TypedFilter>): void => {
    const next = { ...typed, ...change };
    setTyped(next);
    inBackground("Reading the firm's docket", setFilter(next));
  };
  const isFiltered = Object.values(typed).some((value) => value !== '');

  const renderList = () => {
    if (docket === null) {
      return (
        <p className="screen__status">
          {status === 'failed' ? "The firm's docket cannot be shown right now." : "Reading the firm's docket…"}
        </p>
      );
    }
    if (docket.items.length === 0) {
      return (
        <p className="screen__status" data-testid="docket-empty">
          {isFiltered
            ? 'Nothing on the firm docket matches these filters. Clear them to see everything.'
            : 'Nothing on the firm docket yet: notices, deadlines and shared filings of your cases appear here.'}
        </p>
      );
    }
    return (
      <div className="firm-docket__table-wrap">
        <table className="firm-docket__table" data-testid="docket-table" aria-busy={status === 'loading'}>
          <caption className="visually-hidden">The firm docket, newest date first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Case</th>
              <th scope="col">What</th>
              <th scope="col">Entry</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {docket.items.map((item, index) => (
              <tr
                key={`${item.kind}-${item.caseNumber}-${item.date}-${index}`}
                data-testid="docket-item"
                data-kind={item.kind}
              >
                <td className="firm-docket__date">{formatCourtDate(item.date)}</td>
                <th scope="row" className="firm-docket__case">
                  {item.caseNumber}
                </th>
                <td>
                  <span className="firm-docket__chips">
                    <Chip tone={kinds[item.kind].tone} label={kinds[item.kind].label} testId="docket-kind" />
                    {item.state !== null && (
                      <Chip tone={item.state} label={standingLabels[item.state]} testId="docket-state" />
                    )}
                  </span>
                </td>
                <td>
                  <span className="firm-docket__title">{item.title}</span>
                  {item.detail && <span className="firm-docket__detail">{item.detail}</span>}
                </td>
                <td>{item.by ?? <span className="firm-docket__none">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  };

  return (
    <section className="screen firm-docket" data-testid="firm-docket-screen" aria-labelledby="firm-docket-heading">
      <div className="screen__toolbar">
        <div className="screen__heading">
          <h1 id="firm-docket-heading" className="screen__title">
            Firm docket
          </h1>
          <p className="screen__summary">
            Notices, deadlines and shared filings of your cases across the firm, from the firm server.
          </p>
        </div>
      </div>
      <form className="firm-docket__filters" role="search" aria-label="Filter the firm docket" onSubmit={apply}>
        <label className="firm-docket__field">
          Case
          <input
            type="text"
            className="field__input"
            data-testid="docket-filter-case"
            placeholder="1:26-cv-00123"
            value={typed.caseNumber}
            onChange={(event) => setTyped({ ...typed, caseNumber: event.target.value })}
          />
        </label>
        <label className="firm-docket__field">
          Attorney
          <select
            className="field__input"
            data-testid="docket-filter-attorney"
            value={typed.attorney}
            onChange={(event) => choose({ attorney: event.target.value })}
          >
            <option value="">Every attorney</option>
            {(docket?.attorneys ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {(
          [
            ['from', 'From'],
            ['to', 'To'],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="firm-docket__field">
            {label}
            <input
              type="date"
              className="field__input"
              data-testid={`docket-filter-${key}`}
              value={typed[key]}
              onChange={(event) => setTyped({ ...typed, [key]: event.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="button" data-testid="docket-filter-apply">
          Filter
        </button>
        {isFiltered && (
          <button type="button" className="button button--quiet" onClick={() => choose(noFilter)}>
            Clear filters
          </button>
        )}
      </form>
      {docket?.isCut && (
        <p className="firm-docket__cut" role="status">
          Only the newest lines are shown: narrow the filter by case, attorney or dates to see the rest.
        </p>
      )}
      {renderList()}
    </section>
  );
}
