import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { pageNumber } from '#lib/server/lists.ts';
import type { PageServerLoad } from './$types';

// The demo mailbox: every mail Inbreng would have sent, while no mail server is set up.
// The API answers 404 outside demo mode, and so does this page.
export const load: PageServerLoad = async (event) => {
  const page = pageNumber(event.url);
  try {
    return { mail: await api(event).demo.mail({ page, pageSize: 20 }) };
  } catch (cause) {
    pageError(cause);
  }
};
