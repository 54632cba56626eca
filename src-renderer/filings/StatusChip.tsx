import type { Draft } from '../../src-main/shared/filing';
import { standingLabels, standingOf, type DraftStanding } from './describe-draft';
import './StatusChip.css';

/** A chip's colour: one of the draft standings, or how near its due date is. */
export type ChipTone = DraftStanding | 'due-late' | 'due-today' | 'due-soon' | 'due-later';

/** A few words in a coloured chip, with the whole story in its title. */
export function Chip({
  tone,
  label,
  title,
  testId,
}: {
  readonly tone: ChipTone;
  readonly label: string;
  readonly title?: string;
  readonly testId: string;
}) {
  return (
    <span className={`status-chip status-chip--${tone}`} data-testid={testId} data-tone={tone} title={title}>
      {label}
      {title && <span className="visually-hidden">: {title}</span>}
    </span>
  );
}

/** A draft's standing in a few words, coloured by how it goes: neutral, on its way, filed, or needing attention. */
export function StatusChip({ draft }: { readonly draft: Draft }) {
  const standing = standingOf(draft);
  return <Chip tone={standing} label={standingLabels[standing]} testId="status-chip" />;
}
