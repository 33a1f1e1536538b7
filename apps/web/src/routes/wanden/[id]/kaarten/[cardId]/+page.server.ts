import { CardConflict, FragmentCreate, Tag } from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { ApiError } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { wallApi } from '#lib/server/wall.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// One card of a wall in full: its whole text (to cut a fragment from), its labels, and whether it
// duplicates another card. The wall page shows cards short; the finer work happens here.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  event.depends('app:wall');
  const { id, cardId } = event.params;
  try {
    const walls = wallApi(event);
    const [wall, card] = await Promise.all([walls.get(id), walls.card(id, cardId)]);
    const [neighbours, source] = await Promise.all([
      walls.cards(id, { cluster: card.clusterId ?? 'unsorted', pageSize: 100 }),
      card.sourceCardId ? walls.card(id, card.sourceCardId) : undefined,
    ]);
    return {
      wall: {
        id: wall.id,
        title: wall.title,
        clusters: wall.clusters.map((c) => ({ id: c.id, name: c.name })),
      },
      card,
      source: source ? { id: source.id, text: source.text } : undefined,
      neighbours: neighbours.items.filter((c) => c.id !== card.id).map((c) => ({ id: c.id, text: c.text })),
    };
  } catch (cause) {
    pageError(cause);
  }
};

const versionOf = (value: string | undefined) => {
  const version = Number(value);
  return Number.isInteger(version) && version >= 1 ? version : 1;
};

function cardFailure(event: RequestEvent, form: string, values: Record<string, string>, cause: unknown) {
  if (cause instanceof ApiError && cause.status === 409) {
    const conflict = CardConflict.safeParse(cause.body);
    return failure(409, {
      form,
      values,
      message: conflict.success ? conflict.data.error.message : cause.message,
    });
  }
  return apiFailure(event, form, values, cause);
}

export const actions: Actions = {
  // Adds or removes one label; the rest of the card's labels as the API has them now.
  tags: async (event) => {
    const values = readValues(await event.request.formData(), ['add', 'remove', 'expectedVersion']);
    const { id, cardId } = event.params;
    const walls = wallApi(event);
    try {
      const card = await walls.card(id, cardId);
      let tags = card.tags;
      if (values.remove) tags = tags.filter((t) => t !== values.remove);
      if (values.add) {
        const tag = check(Tag, values.add);
        if (tag.errors)
          return failure(400, { form: 'tags', values, errors: { add: Object.values(tag.errors)[0] ?? '' } });
        if (!tags.includes(tag.data)) tags = [...tags, tag.data];
      }
      await walls.editCard(id, cardId, { tags, expectedVersion: versionOf(values.expectedVersion) });
    } catch (cause) {
      return cardFailure(event, 'tags', values, cause);
    }
    return { form: 'tags', done: m.wall_card_tags_saved() };
  },

  duplicate: async (event) => {
    const values = readValues(await event.request.formData(), ['duplicateOf', 'expectedVersion']);
    const { id, cardId } = event.params;
    try {
      await wallApi(event).editCard(id, cardId, {
        duplicateOf: values.duplicateOf || null,
        expectedVersion: versionOf(values.expectedVersion),
      });
    } catch (cause) {
      return cardFailure(event, 'duplicate', values, cause);
    }
    return { form: 'duplicate', done: m.wall_card_duplicate_saved() };
  },

  fragment: async (event) => {
    const values = readValues(await event.request.formData(), ['start', 'end']);
    const input = check(FragmentCreate, { start: Number(values.start || 0), end: Number(values.end || 0) });
    if (input.errors)
      return failure(400, { form: 'fragment', values, message: m.wall_card_fragment_select() });
    try {
      await wallApi(event).fragment(event.params.id, event.params.cardId, input.data.start, input.data.end);
    } catch (cause) {
      return apiFailure(event, 'fragment', values, cause);
    }
    return { form: 'fragment', done: m.wall_card_fragment_made() };
  },
};
