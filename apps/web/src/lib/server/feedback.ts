// "What became of my input" in the API client, for the "mijn inbreng" page: the same transport as
// `api.ts` (shapes from @inbreng/shared, the session cookie along, ApiError on a refusal).
import { MyComments, MyFeedback } from '@inbreng/shared';
import { transport, type ApiEvent } from './api.ts';

export function feedbackApi(event: ApiEvent) {
  const { get } = transport(event);
  return {
    /** For these contributions of mine (e.g. one page of the list); the API ignores ids not mine. */
    forContributions: async (contributionIds: string[]) =>
      contributionIds.length === 0
        ? { items: [], page: 1, pageSize: 100, total: 0 }
        : get('/api/me/feedback', MyFeedback, {
            contributionIds: contributionIds.join(','),
            pageSize: 100,
          }),
    /** My own comments on the draft sections, newest first, with what the team did with each. */
    comments: (query: { page: number; pageSize: number }) => get('/api/me/comments', MyComments, query),
  };
}
