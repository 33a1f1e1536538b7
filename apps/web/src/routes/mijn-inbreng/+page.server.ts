import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { feedbackApi } from '#lib/server/feedback.ts';
import { requireMe } from '#lib/server/guard.ts';
import { pageNumber } from '#lib/server/lists.ts';
import type { PageServerLoad } from './$types';

// "Mijn inbreng": what this person gave (and has in draft), in which round, in what state, and for what
// they submitted: what became of it (cluster, sections of the plan and their state, comments' outcome);
// and their own comments on the draft sections with what the team did with each.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  const page = pageNumber(event.url);
  // The comments list pages on its own (?reacties=N), so both lists keep their place.
  const commentsPage = Number(event.url.searchParams.get('reacties') ?? '1');
  if (!Number.isInteger(commentsPage) || commentsPage < 1) error(404, { message: m.error_list_page() });
  try {
    const contributions = await api(event).me.contributions({ page, pageSize: 20 });
    // Only this page's submitted input: drafts have not reached the wall yet.
    const submitted = contributions.items.filter((c) => c.state === 'submitted').map((c) => c.id);
    const [feedback, comments] = await Promise.all([
      feedbackApi(event).forContributions(submitted),
      feedbackApi(event).comments({ page: commentsPage, pageSize: 10 }),
    ]);
    return {
      contributions,
      comments,
      feedback: Object.fromEntries(feedback.items.map((f) => [f.contributionId, f])),
    };
  } catch (cause) {
    pageError(cause);
  }
};
