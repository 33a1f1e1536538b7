import { error } from '@sveltejs/kit';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
  const page = Number(event.url.searchParams.get('pagina') ?? '1');
  if (!Number.isInteger(page) || page < 1) error(404, { message: 'Deze pagina van de lijst bestaat niet.' });
  try {
    return { plans: await api(event).plans.list({ page, pageSize: PAGE_SIZE }) };
  } catch (cause) {
    pageError(cause);
  }
};
