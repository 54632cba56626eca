import type { RuleCheck } from '../../../src-main/shared/filing';
import { Icon } from '../../components/Icon';
import { helpTopicForRuleCheck } from '../../help/help-topic-for';
import { HelpLink } from '../../help/HelpLink';
import { stepOfCheck, wizardSteps, type StepNumber } from './wizard-steps';

const levels = [
  { level: 'block', heading: 'Blocks filing', icon: 'error' },
  { level: 'warn', heading: 'Worth a look', icon: 'warning' },
  { level: 'info', heading: 'For your information', icon: 'check' },
] as const;

/** Goes to a step; on the Documents step, with the findings of the documents named open in their rows. */
export type GoToStep = (step: StepNumber, documentIds?: readonly string[]) => void;

/**
 * Every court rule that applies, grouped by how serious it is, each with what to do, its source, and a way to where it
 * is fixed: the step, and for a document's findings its row on the Documents step with the findings open.
 */
export function RuleCheckList({
  checks,
  onGoTo,
}: {
  readonly checks: readonly RuleCheck[];
  readonly onGoTo: GoToStep;
}) {
  if (checks.length === 0) {
    return (
      <p className="rule-checks__none" data-testid="rule-checks-none">
        <Icon name="check" /> The court&apos;s rules find nothing to fix in this filing.
      </p>
    );
  }
  return (
    <div className="rule-checks">
      {levels.map(({ level, heading, icon }) => {
        const found = checks.filter((check) => check.level === level);
        if (found.length === 0) {
          return null;
        }
        return (
          <section key={level} className={`rule-checks__group rule-checks__group--${level}`} aria-label={heading}>
            <h4 className="rule-checks__heading">
              <Icon name={icon} /> {heading} ({found.length})
            </h4>
            <ul className="rule-checks__list">
              {found.map((check) => {
                const step = stepOfCheck(check);
                const documentIds = step === 4 ? (check.documentIds ?? []) : [];
                return (
                  <li
                    key={check.id}
                    className="rule-check"
                    data-testid="rule-check"
                    data-level={check.level}
                    data-check-id={check.id}
                  >
                    <p>{check.message}</p>
                    {check.fix && <p className="rule-check__fix">What to do: {check.fix}</p>}
                    <HelpLink topicId={helpTopicForRuleCheck(check.id)} />
                    <p className="rule-check__source">
                      {check.source}
                      {step !== 6 && (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          data-testid="go-to-step"
                          onClick={() => onGoTo(step, documentIds)}
                        >
                          {documentIds.length > 0
                            ? `Open the findings on step ${step}, ${wizardSteps[step - 1]?.title}`
                            : `Go to step ${step}, ${wizardSteps[step - 1]?.title}`}
                        </button>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
