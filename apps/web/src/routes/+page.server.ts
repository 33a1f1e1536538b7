import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

// Home: the most recent plan in full, with a pointer to the others.
export const load: PageServerLoad = async (event) => {
  try {
    const client = api(event);
    const plans = await client.plans.list({ pageSize: 5 });
    const current = plans.items[0];
    return {
      plan: current ? await client.plans.get(current.slug) : null,
      otherPlans: plans.items.slice(1),
      totalPlans: plans.total,
    };
  } catch (cause) {
    pageError(cause);
  }
};
