import { Role } from '@inbreng/shared';
import { z } from 'zod';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { filter, filterOf, pageNumber } from '#lib/server/lists.ts';
import { organisationOptions } from '#lib/server/organisations.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const page = pageNumber(event.url);
  const filters = {
    q: filter(event.url, 'q'),
    organisationId: filterOf(event.url, 'organisationId', z.uuid()),
    role: filterOf(event.url, 'role', Role),
  };
  try {
    const client = api(event);
    const [people, organisations] = await Promise.all([
      client.people.list({ page, pageSize: 25, ...filters }),
      organisationOptions(client),
    ]);
    return { filters, people, organisations };
  } catch (cause) {
    pageError(cause);
  }
};
