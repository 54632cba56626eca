import { isChannelName } from '../../shared/channel-names';
import { contract } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { AppError } from '../errors';
import type { Handlers } from './handlers';

export type { Handlers } from './handlers';

/** Turns zod's issues into one sentence a developer can act on; users never see malformed calls. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Runs one call from either host: checks the channel, parses the arguments with the channel's
 * schema, runs the handler and wraps the outcome in an envelope. It never throws, so a malformed
 * call can never crash main.
 */
export async function dispatch(handlers: Handlers, channel: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) {
    return {
      ok: false,
      error: {
        code: 'unknown-channel',
        message: `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.`,
      },
    };
  }
  const parsed = contract[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: `The request to ${channel} was malformed: ${describeIssues(parsed.error.issues)}`,
      },
    };
  }
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: error.toInfo() };
    }
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside ECF Desk. Nothing was lost; please try again.' },
    };
  }
}
