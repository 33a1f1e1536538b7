import { isProgrammeTeam, mayReadInput } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { pageNumber } from '#lib/server/lists.ts';
import { inputFilters } from './filters.ts';
import type { PageServerLoad } from './$types';

// All input given, for the programme team and the advisory councils: filters and Dutch full-text
// search. Who gave what is shown as each contribution's visibility allows (the API sees to that).
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!mayReadInput(me.roles)) forbidden();
  const team = isProgrammeTeam(me.roles);
  const page = pageNumber(event.url);
  const { values, query, errors } = inputFilters(event.url);
  try {
    const client = api(event);
    const [contributions, rounds, organisations] = await Promise.all([
      client.contributions.list({ page, pageSize: 20, ...query }),
      client.rounds.list({ pageSize: 100 }),
      // Only the team may list organisations; the councils filter by group instead.
      team ? client.organisations.list({ pageSize: 100 }) : undefined,
    ]);
    const themes = new Map(rounds.items.flatMap((r) => r.themes.map((t) => [t.id, t] as const)));
    return {
      team,
      values,
      errors,
      contributions,
      rounds: rounds.items.map((r) => ({ value: r.id, label: r.title })),
      themes: [...themes.values()].map((t) => ({ value: t.id, label: t.title })),
      organisations: organisations?.items.map((o) => ({ value: o.id, label: o.name })) ?? [],
    };
  } catch (cause) {
    pageError(cause);
  }
};
