// What state a response is in as people see it, and the order the tracker lists them in.
import type { ResponseState } from '@inbreng/shared';
import type { findResponse } from './responses.queries.ts';

type ResponseRow = Awaited<ReturnType<typeof findResponse>>;

/** No row, or a row nobody has written in yet (opened, not written), is "not started". */
export function stateOf(row: ResponseRow): ResponseState {
  if (!row) return 'not_started';
  if (row.state === 'submitted') return 'submitted';
  return row.answered > 0 ? 'drafting' : 'not_started';
}

export function lastActivityOf(row: ResponseRow): string | null {
  return row && stateOf(row) !== 'not_started' ? row.last_activity_at.toISOString() : null;
}

/** Those behind first: not started, then drafting, then submitted. */
export const stateRank: Record<ResponseState, number> = { not_started: 0, drafting: 1, submitted: 2 };

/** A link to the response page, for mails. */
export const responseLink = (baseUrl: string, roundId: string, organisationId: string) =>
  `${baseUrl}/reacties/${roundId}/${organisationId}`;
