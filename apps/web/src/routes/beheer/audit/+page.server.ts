import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { pageNumber } from '#lib/server/lists.ts';
import { auditFilters } from './filters.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const { values, query, errors } = auditFilters(event.url);
  try {
    return { values, errors, events: await api(event).admin.audit({ page, pageSize: 50, ...query }) };
  } catch (cause) {
    pageError(cause);
  }
};
