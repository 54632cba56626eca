import type { DraftReview } from '../../../src-main/shared/filing';
import { Icon } from '../../components/Icon';
import { markOfStep, wizardSteps, type StepMark, type StepNumber } from './wizard-steps';

const markWords: Readonly<Record<StepMark, string>> = {
  problem: 'needs attention',
  warning: 'worth a look',
  done: 'done',
  none: '',
};

const markIcons = { problem: 'error', warning: 'warning', done: 'check' } as const;

/**
 * The wizard's steps down the left: each one a button, the current one marked, with a problem mark from the draft's
 * checks or a check on a step visited and complete.
 */
export function StepList({
  review,
  current,
  visited,
  onChoose,
}: {
  readonly review: DraftReview;
  readonly current: StepNumber;
  readonly visited: readonly StepNumber[];
  readonly onChoose: (step: StepNumber) => void;
}) {
  return (
    <nav className="step-list" aria-label="Steps of the filing">
      <ol className="step-list__items">
        {wizardSteps.map((step) => {
          const mark = markOfStep(step.number, review, visited.includes(step.number));
          return (
            <li key={step.number}>
              <button
                type="button"
                className={`step-list__step step-list__step--${mark}`}
                data-testid="wizard-step"
                data-step={step.number}
                data-mark={mark}
                aria-current={step.number === current ? 'step' : undefined}
                onClick={() => onChoose(step.number)}
              >
                <span className="step-list__number">{step.number}</span>
                <span className="step-list__title">{step.title}</span>
                {mark !== 'none' && <Icon name={markIcons[mark]} className="icon step-list__mark" />}
                {mark !== 'none' && <span className="visually-hidden">, {markWords[mark]}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
