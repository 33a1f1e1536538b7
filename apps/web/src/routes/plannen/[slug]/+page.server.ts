import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  try {
    return { plan: await api(event).plans.get(event.params.slug) };
  } catch (cause) {
    pageError(cause);
  }
};
