import type { DocumentProblem } from '../../src-main/shared/domain';
import { Icon } from '../components/Icon';

/** "Ready", or the problem main found, in words that say what is wrong and what to do. */
export function DocumentStatus({ problem }: { readonly problem: DocumentProblem | null }) {
  if (!problem) {
    return (
      <span className="document-status document-status--ready">
        <Icon name="check" />
        Ready
      </span>
    );
  }
  return (
    <span className="document-status document-status--problem">
      <Icon name="error" />
      <span>
        <span className="visually-hidden">Problem: </span>
        <span data-testid="document-problem">{problem.message}</span>
      </span>
    </span>
  );
}
