import type { CourtCopyCheck } from '../../../src-main/shared/filing';

/**
 * FAQ 46: each filed document compared with the court's copy saved from the notice's free look. A court may stamp a
 * header on the copies it serves, so a difference is shown plainly with both hashes, never hidden.
 */
export function CourtCopiesList({ checks }: { readonly checks: readonly CourtCopyCheck[] }) {
  const allMatch = checks.every((check) => check.matches);
  return (
    <div className="court-copies" data-testid="court-copies">
      <p className={allMatch ? 'court-copies__verdict' : 'court-copies__verdict court-copies__verdict--differs'}>
        {allMatch
          ? 'Verified against the court’s copy: every filed document is exactly what was sent.'
          : 'The court’s copy differs from what was sent for a document below. A court may stamp a header on the copies it serves; open both and compare them.'}
      </p>
      <ul className="court-copies__list">
        {checks.map((check) => (
          <li
            key={`${check.name}-${check.courtSha256}`}
            className={check.matches ? 'court-copies__item' : 'court-copies__item court-copies__item--differs'}
            data-testid="court-copy"
            data-matches={check.matches}
          >
            <span className="court-copies__name">
              {check.name}: {check.matches ? 'matches' : 'The court’s copy differs from what was sent'}
            </span>
            <span>
              Sent <code>{check.sentSha256 ?? 'no document in this place'}</code>
            </span>
            <span>
              The court’s copy <code>{check.courtSha256}</code>
            </span>
            {check.stamp && <span className="court-copies__stamp">{check.stamp}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
