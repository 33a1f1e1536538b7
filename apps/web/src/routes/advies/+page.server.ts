import { api } from '#lib/server/api.ts';
import { adviceApi } from '#lib/server/advice.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { PageServerLoad } from './$types';

// The councils' formal advice on the plan, with how far the programme team has answered each.
// Without ?plan= the first plan (there is one strategic plan at a time).
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    const plans = await api(event).plans.list({ pageSize: 100 });
    const reference = event.url.searchParams.get('plan') || plans.items[0]?.slug;
    if (!reference) return { plans: plans.items, plan: undefined, advice: undefined };
    const client = adviceApi(event);
    const [plan, advice] = await Promise.all([client.plan(reference), client.list(reference)]);
    return {
      plans: plans.items,
      plan: { id: plan.id, slug: plan.slug, title: plan.title },
      advice,
    };
  } catch (cause) {
    pageError(cause);
  }
};
