import { MailState } from '@inbreng/shared';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { filterOf, pageNumber } from '#lib/server/lists.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const state = filterOf(event.url, 'state', MailState);
  try {
    return { state, mail: await api(event).admin.mail({ page, pageSize: 25, state }) };
  } catch (cause) {
    pageError(cause);
  }
};
