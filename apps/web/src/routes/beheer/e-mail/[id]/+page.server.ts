import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  try {
    return { mail: await api(event).admin.mailDetail(event.params.id) };
  } catch (cause) {
    pageError(cause);
  }
};
