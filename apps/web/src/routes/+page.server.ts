import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

// Home: for a signed-in person first what is open for them (rounds and their gemeente's response),
// then the most recent plan in full, with a pointer to the others.
export const load: PageServerLoad = async (event) => {
  try {
    const client = api(event);
    const signedIn = event.locals.me !== null;
    const [plans, open, responses] = await Promise.all([
      client.plans.list({ pageSize: 5 }),
      signedIn ? client.me.open() : undefined,
      signedIn ? client.me.responses() : undefined,
    ]);
    const current = plans.items[0];
    return {
      plan: current ? await client.plans.get(current.slug) : null,
      otherPlans: plans.items.slice(1),
      totalPlans: plans.total,
      open: open?.items ?? [],
      responses: responses?.items ?? [],
    };
  } catch (cause) {
    pageError(cause);
  }
};
