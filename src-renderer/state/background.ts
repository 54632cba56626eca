import { useCallback } from 'react';
import type { AlertsStore } from './alerts-store';
import { useAlerts } from './StoresProvider';

/** How a store tells the user a call failed: the banner's `report` (see alerts-store.ts). */
export type ReportFailure = (title: string, error: unknown) => void;

/** Work started and not awaited: a promise, or a function giving one (so a synchronous throw is caught too). */
export type BackgroundWork = Promise<unknown> | (() => Promise<unknown>);

/**
 * Runs work nobody waits for (a click's action, a reload after an event) so that its failure is never silent: it is
 * shown in the banner as "`what` failed." The stores' actions report their own failures; this catches what they did
 * not foresee. The renderer's counterpart of core's runInBackground (the renderer may not import core).
 */
export function runInBackground(what: string, work: BackgroundWork, report: ReportFailure): void {
  const started = (async () => {
    await (typeof work === 'function' ? work() : work);
  })();
  started.catch((error: unknown) => report(`${what} failed.`, error));
}

/** runInBackground for components, reporting to the banner of the stores above them. */
export function useInBackground(): (what: string, work: BackgroundWork) => void {
  const report = useAlerts((state) => state.report);
  return useCallback((what, work) => runInBackground(what, work, report), [report]);
}

/** runInBackground for a store, reporting to its alerts' banner (as `reportingTo` does for the calls it awaits). */
export function inBackgroundReportingTo(alerts: AlertsStore): (what: string, work: BackgroundWork) => void {
  return (what, work) => runInBackground(what, work, (title, error) => alerts.getState().report(title, error));
}
