import type { CourtStatus } from '../../shared/domain';
import type { CaseParty, CourtCase } from '../../shared/filing';
import type { ChannelHandlers } from '../api/handlers';

/** What the court's channels need: the connection's status, and the filing surface's case lookups. */
export interface CourtChannelsDependencies {
  readonly status: () => CourtStatus;
  readonly findCases: (query: string) => Promise<CourtCase[]>;
  readonly caseParties: (caseId: number) => Promise<CaseParty[]>;
}

/** The court's channels: whether it is ready, and its cases and their parties. */
export function courtChannels(dependencies: CourtChannelsDependencies): ChannelHandlers<'court'> {
  return {
    'court.status': async () => dependencies.status(),
    'court.findCases': async ({ query }) => dependencies.findCases(query),
    'court.caseParties': async ({ caseId }) => dependencies.caseParties(caseId),
  };
}
