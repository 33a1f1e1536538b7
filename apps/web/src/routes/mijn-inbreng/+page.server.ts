import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import { pageNumber } from '#lib/server/lists.ts';
import type { PageServerLoad } from './$types';

// "Mijn inbreng": what this person gave (and has in draft), in which round, in what state.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  const page = pageNumber(event.url);
  try {
    return { contributions: await api(event).me.contributions({ page, pageSize: 20 }) };
  } catch (cause) {
    pageError(cause);
  }
};
