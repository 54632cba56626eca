import { Icon } from '../components/Icon';
import { describePhase } from '../format/describe-phase';
import type { AddJob } from '../state/documents-store';
import './AddProgressList.css';

/** A row per file being added: its name, the step it is on, and how far that step is. */
export function AddProgressList({ jobs }: { readonly jobs: readonly AddJob[] }) {
  if (jobs.length === 0) {
    return null;
  }
  return (
    <section className="add-progress" aria-label="Files being added">
      <ul className="add-progress__list">
        {jobs.map((job) => {
          const phase = describePhase(job.phase);
          const percent = Math.round(job.fraction * 100);
          return (
            <li key={job.jobId} className="add-progress__row" data-testid="progress-row">
              <Icon name="document" className="icon add-progress__icon" />
              <span className="add-progress__name">{job.name}</span>
              <span className="add-progress__phase">{job.phase === 'waiting' ? phase : `${phase} · ${percent}%`}</span>
              <progress
                className="progress-bar add-progress__bar"
                max={1}
                value={job.fraction}
                aria-label={`${job.name}: ${phase}`}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
