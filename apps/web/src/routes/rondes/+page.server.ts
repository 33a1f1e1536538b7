import { RoundState } from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { requireMe } from '#lib/server/guard.ts';
import { filterOf, pageNumber } from '#lib/server/lists.ts';
import type { PageServerLoad } from './$types';

// The programme team sees every round and filters by state; everyone else sees the rounds that ask them.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  const team = isProgrammeTeam(me.roles);
  const page = pageNumber(event.url);
  const filters = { state: team ? filterOf(event.url, 'state', RoundState) : undefined };
  try {
    return { team, filters, rounds: await api(event).rounds.list({ page, pageSize: 20, ...filters }) };
  } catch (cause) {
    pageError(cause);
  }
};
