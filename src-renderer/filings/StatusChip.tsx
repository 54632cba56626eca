import type { Draft } from '../../src-main/shared/filing';
import { standingLabels, standingOf } from './describe-draft';
import './StatusChip.css';

/** A draft's standing in a few words, coloured by how it goes: neutral, on its way, filed, or needing attention. */
export function StatusChip({ draft }: { readonly draft: Draft }) {
  const standing = standingOf(draft);
  return (
    <span className={`status-chip status-chip--${standing}`} data-testid="status-chip">
      {standingLabels[standing]}
    </span>
  );
}
