import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import type { PageServerLoad } from './$types';

// The consolidated responses this person writes with colleagues, on behalf of their gemeente.
export const load: PageServerLoad = async (event) => {
  requireMe(event.locals, event.url);
  try {
    return { responses: (await api(event).me.responses()).items };
  } catch (cause) {
    pageError(cause);
  }
};
