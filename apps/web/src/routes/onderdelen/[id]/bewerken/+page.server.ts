import {
  SectionClustersInput,
  SectionCommentersInput,
  SectionConflict,
  SectionSave,
  SectionTransitionInput,
  type BlockInput,
  type RevisionDetail,
} from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { api, ApiError } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readLists, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { sectionsApi } from '#lib/server/sections.ts';
import { parseLinks } from '#lib/sections.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The team's editor of one section: its blocks, its state (at a milestone), the wall clusters behind
// it and who besides the councils may comment.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  const sections = sectionsApi(event);
  try {
    const section = await sections.get(event.params.id);
    const [plan, walls, organisations] = await Promise.all([
      sections.plan(section.planId),
      sections.walls(section.planId),
      api(event).organisations.list({ pageSize: 100 }),
    ]);
    const details = await Promise.all(walls.items.map((w) => sections.wall(w.id)));
    return {
      section,
      milestones: plan.milestones.map((mi) => ({
        id: mi.id,
        title: mi.title,
        date: mi.date,
        status: mi.status,
      })),
      walls: details.map((w) => ({
        id: w.id,
        title: w.title,
        clusters: w.clusters.map((c) => ({ id: c.id, name: c.name, cards: c.cards })),
      })),
      organisations: organisations.items
        .filter((o) => o.type !== 'adviesraad')
        .map((o) => ({ id: o.id, name: o.name })),
    };
  } catch (cause) {
    pageError(cause);
  }
};

function team(event: RequestEvent) {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
}

/** The blocks as the form sent them; an emptied text box removes its block (so it works without JS). */
function blocksOf(formData: FormData): BlockInput[] {
  const ids = formData.getAll('block-id').map(String);
  const kinds = formData.getAll('block-kind').map(String);
  const texts = formData.getAll('block-text').map(String);
  const blocks: BlockInput[] = [];
  texts.forEach((markup, i) => {
    if (markup.trim() === '') return;
    const { text, links } = parseLinks(markup.replace(/\r\n?/g, '\n').trim());
    const kind = kinds[i] === 'heading' || kinds[i] === 'listItem' ? kinds[i] : 'paragraph';
    blocks.push({ ...(ids[i] ? { id: ids[i] } : {}), kind, text, links });
  });
  return blocks;
}

export type Conflict = { current: RevisionDetail; yours: BlockInput[] };

export const actions: Actions = {
  save: async (event) => {
    team(event);
    const formData = await event.request.formData();
    const values = readValues(formData, ['baseRevision']);
    const blocks = blocksOf(formData);
    const input = check(SectionSave, { baseRevision: Number(values.baseRevision), blocks });
    if (input.errors) return failure(400, { form: 'save', values, errors: input.errors, blocks });
    try {
      const saved = await sectionsApi(event).save(event.params.id, input.data);
      return { form: 'save', done: m.section_saved({ number: saved.revision.number }) };
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        const conflict = SectionConflict.safeParse(cause.body);
        if (conflict.success) {
          return failure(409, {
            form: 'save',
            values,
            message: conflict.data.error.message,
            blocks,
            conflict: {
              current: conflict.data.error.current,
              yours: conflict.data.error.yours,
            } satisfies Conflict,
          });
        }
      }
      return apiFailure(event, 'save', values, cause);
    }
  },

  transition: async (event) => {
    team(event);
    const values = readValues(await event.request.formData(), ['to', 'milestoneId', 'note']);
    const input = check(SectionTransitionInput, {
      to: values.to,
      milestoneId: values.milestoneId || undefined,
      note: values.note,
    });
    if (input.errors) {
      const errors = { ...input.errors };
      if (errors.milestoneId) errors.milestoneId = m.section_milestone_required();
      return failure(400, { form: 'transition', values, errors });
    }
    try {
      await sectionsApi(event).transition(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, 'transition', values, cause);
    }
    return { form: 'transition', done: m.section_transition_done() };
  },

  clusters: async (event) => {
    team(event);
    const lists = readLists(await event.request.formData(), ['clusterIds']);
    const input = check(SectionClustersInput, { clusterIds: lists.clusterIds });
    if (input.errors) return failure(400, { form: 'clusters', lists, errors: input.errors });
    try {
      await sectionsApi(event).linkClusters(event.params.id, input.data.clusterIds);
    } catch (cause) {
      return apiFailure(event, 'clusters', {}, cause, lists);
    }
    return { form: 'clusters', done: m.section_clusters_saved() };
  },

  commenters: async (event) => {
    team(event);
    const lists = readLists(await event.request.formData(), ['organisationIds', 'personIds']);
    const input = check(SectionCommentersInput, lists);
    if (input.errors) return failure(400, { form: 'commenters', lists, errors: input.errors });
    try {
      await sectionsApi(event).admit(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, 'commenters', {}, cause, lists);
    }
    return { form: 'commenters', done: m.section_commenters_saved() };
  },
};
