import { CommentResolve } from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { sectionsApi } from '#lib/server/sections.ts';
import { slotLabel } from '#lib/sections.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

// The programme team's overview of comments: counts per section and per council, the list with
// filters, and closing each comment as verwerkt (where), niet overgenomen (why) or beantwoord (answer).
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  const q = event.url.searchParams;
  const filters = {
    plan: q.get('plan') ?? '',
    onderdeel: q.get('onderdeel') ?? '',
    raad: q.get('raad') ?? '',
    status: q.get('status') === 'resolved' || q.get('status') === 'open' ? (q.get('status') as string) : '',
  };
  const page = Math.max(1, Number(q.get('pagina')) || 1);
  try {
    const sections = sectionsApi(event);
    const plans = await api(event).plans.list({ pageSize: 100 });
    const plan = filters.plan || plans.items[0]?.slug || '';
    const [overview, outline] = await Promise.all([
      sections.overview({
        ...(plan ? { plan } : {}),
        ...(filters.onderdeel ? { sectionId: filters.onderdeel } : {}),
        ...(filters.raad ? { organisationId: filters.raad } : {}),
        ...(filters.status ? { state: filters.status as 'open' | 'resolved' } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
      plan ? sections.forPlan(plan) : undefined,
    ]);
    // Where a comment can have been worked in: the newest version of every section of the plan, and all
    // (recent) versions of the sections that the listed comments are on.
    const written = (outline?.goals ?? []).flatMap((g) =>
      g.slots.flatMap((s) => (s.section ? [{ goal: g, slot: s.slot, section: s.section }] : [])),
    );
    const commented = [...new Set(overview.items.map((c) => c.sectionId))];
    const histories = new Map(
      await Promise.all(
        commented.map(async (id) => [id, (await sections.revisions(id, { pageSize: 20 })).items] as const),
      ),
    );
    const places = written.map(({ goal, slot, section }) => ({
      label: `${goal.title} — ${slotLabel(slot)}`,
      options: (histories.get(section.id) ?? [section.revision]).map((r) => ({
        value: `${section.id}|${r.id}`,
        label: m.comment_where_revision({ number: r.number }),
      })),
    }));
    return {
      filters,
      plan,
      page,
      pageSize: PAGE_SIZE,
      overview,
      places,
      sectionOptions: written.map(({ goal, slot, section }) => ({
        value: section.id,
        label: `${goal.title} — ${slotLabel(slot)}`,
      })),
    };
  } catch (cause) {
    pageError(cause);
  }
};

export const actions: Actions = {
  resolve: async (event) => {
    const me = requireMe(event.locals, event.url);
    if (!isProgrammeTeam(me.roles)) forbidden();
    const values = readValues(await event.request.formData(), [
      'commentId',
      'resolution',
      'where',
      'reason',
      'answer',
    ]);
    const form = `resolve-${values.commentId ?? ''}`;
    const [sectionId, revisionId] = (values.where ?? '').split('|');
    const input = check(CommentResolve, {
      resolution: values.resolution || undefined,
      ...(values.resolution === 'verwerkt'
        ? { sectionId: sectionId || undefined, revisionId: revisionId || undefined }
        : {}),
      ...(values.resolution === 'niet_overgenomen' ? { reason: values.reason } : {}),
      ...(values.resolution === 'beantwoord' ? { answer: values.answer } : {}),
    });
    // The section and version are one choice on the page: both errors land on it.
    const fold = (errors: Record<string, string>) => {
      const { sectionId: s, revisionId: r, ...rest } = errors;
      return s || r ? { ...rest, where: (s ?? r)! } : rest;
    };
    if (input.errors) {
      const errors = fold(input.errors);
      if (errors.resolution) errors.resolution = m.comment_resolution_required();
      return failure(400, { form, values, errors });
    }
    try {
      await sectionsApi(event).resolve(values.commentId ?? '', input.data);
    } catch (cause) {
      const failed = apiFailure(event, form, values, cause);
      failed.data.errors = fold(failed.data.errors);
      return failed;
    }
    return { form, done: m.comment_resolved_done() };
  },
};
