import type { Draft } from '../../shared/filing';

/**
 * The firms the drafts' signers name, each once: what preflight knows of the firm's own name, so a PDF whose
 * properties name only the firm is information rather than a warning (docs/court-rules.md#metadata).
 */
export function firmNamesOf(drafts: readonly Draft[]): string[] {
  const names = new Map<string, string>();
  for (const signer of drafts.flatMap((draft) => draft.signers)) {
    const firm = signer.firm.trim();
    if (firm !== '' && !names.has(firm.toLowerCase())) {
      names.set(firm.toLowerCase(), firm);
    }
  }
  return [...names.values()];
}
