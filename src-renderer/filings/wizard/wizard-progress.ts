import { wizardSteps, type StepNumber } from './wizard-steps';

/** Where the paralegal is in one draft's wizard, and which steps they have seen. */
export interface WizardProgress {
  readonly step: StepNumber;
  readonly visited: readonly StepNumber[];
}

/**
 * The progress is kept in the page's local storage, one entry a draft: it survives a reload and reopening the draft
 * from the list in both hosts (Electron keeps it in the app's profile, browser mode in the browser's storage for
 * ECF Desk's address). It is not part of the draft in main: moving between steps changes nothing the court sees, so
 * it must neither take a signature back nor add entries to the filing record.
 */
const storageKey = (draftId: string): string => `ecf-desk.wizard-progress.${draftId}`;

function isStepNumber(value: unknown): value is StepNumber {
  return wizardSteps.some((step) => step.number === value);
}

/** The progress saved for a draft, or a start at `firstStep` when none was saved (or what was saved is not a progress). */
export function readWizardProgress(draftId: string, firstStep: StepNumber): WizardProgress {
  const start: WizardProgress = { step: firstStep, visited: [firstStep] };
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(storageKey(draftId)) ?? 'null');
  } catch {
    return start;
  }
  if (typeof saved !== 'object' || saved === null || !('step' in saved) || !isStepNumber(saved.step)) {
    return start;
  }
  const visited = 'visited' in saved && Array.isArray(saved.visited) ? saved.visited.filter(isStepNumber) : [];
  return { step: saved.step, visited: [...new Set([...visited, saved.step])] };
}

/** Keeps a draft's progress for the next reload or the next time it is opened. */
export function saveWizardProgress(draftId: string, progress: WizardProgress): void {
  try {
    localStorage.setItem(storageKey(draftId), JSON.stringify(progress));
  } catch {
    // Storage full or turned off: the wizard still works, it only starts again at the first step next time.
  }
}

/** The progress after going to a step: that step current, and seen. */
export function goToStepIn(progress: WizardProgress, step: StepNumber): WizardProgress {
  return { step, visited: progress.visited.includes(step) ? progress.visited : [...progress.visited, step] };
}
