import { isProgrammeTeam } from '#lib/access.ts';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { filter, pageNumber } from '#lib/server/lists.ts';
import { wallApi } from '#lib/server/wall.ts';
import { z } from 'zod';
import type { PageServerLoad } from './$types';

const Id = z.uuid();

// The wall's log: who did what, when — per person if asked (?persoon=), or for one card (?kaart=).
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  const page = pageNumber(event.url);
  const personId = Id.safeParse(filter(event.url, 'persoon')).data;
  const cardId = Id.safeParse(filter(event.url, 'kaart')).data;
  try {
    const walls = wallApi(event);
    const [wall, history, team] = await Promise.all([
      walls.get(event.params.id),
      walls.history(event.params.id, { page, pageSize: 50, personId, cardId }),
      api(event).people.list({ role: 'programmateam', pageSize: 100 }),
    ]);
    return {
      wall: { id: wall.id, title: wall.title },
      history,
      filters: { persoon: personId ?? '', kaart: cardId ?? '' },
      people: team.items.map((p) => ({ value: p.id, label: p.name ?? p.email ?? p.id })),
    };
  } catch (cause) {
    pageError(cause);
  }
};
