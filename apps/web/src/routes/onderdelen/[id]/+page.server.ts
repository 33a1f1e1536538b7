import { CommentCreate, ReplyCreate } from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { ApiError } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readValues } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guard.ts';
import { sectionsApi } from '#lib/server/sections.ts';
import type { Actions, PageServerLoad } from './$types';

// One section as readable text with the comments next to their paragraphs. Whoever may not comment
// (the API says so) reads the text without the comments.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  event.depends('app:section');
  const sections = sectionsApi(event);
  try {
    const section = await sections.get(event.params.id);
    let comments: Awaited<ReturnType<typeof sections.comments>>['items'] | undefined;
    try {
      comments = (await sections.comments(section.id)).items;
    } catch (cause) {
      if (!(cause instanceof ApiError && cause.status === 403)) throw cause;
    }
    return { section, comments, team: isProgrammeTeam(me.roles) };
  } catch (cause) {
    pageError(cause);
  }
};

const offset = (value: string | undefined) => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

export const actions: Actions = {
  // On a whole paragraph (blockId only) or on a selected passage (start, end and the revision it was
  // selected in, so a text changed in the meantime gives a clear refusal rather than a wrong anchor).
  comment: async (event) => {
    requireMe(event.locals, event.url);
    const values = readValues(await event.request.formData(), [
      'blockId',
      'body',
      'start',
      'end',
      'revision',
    ]);
    const start = offset(values.start);
    const end = offset(values.end);
    const revision = offset(values.revision);
    // The selection's form and the paragraph's form of one block each get their own answer.
    const form = `${start !== undefined ? 'selection' : 'comment'}-${values.blockId ?? ''}`;
    const input = check(CommentCreate, {
      body: values.body,
      blockId: values.blockId,
      ...(start !== undefined && end !== undefined ? { start, end } : {}),
      ...(revision ? { revision } : {}),
    });
    if (input.errors) return failure(400, { form, values, errors: input.errors });
    try {
      await sectionsApi(event).comment(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return { form, done: m.comment_saved() };
  },

  reply: async (event) => {
    requireMe(event.locals, event.url);
    const values = readValues(await event.request.formData(), ['commentId', 'body']);
    const form = `reply-${values.commentId ?? ''}`;
    const input = check(ReplyCreate, { body: values.body });
    if (input.errors) return failure(400, { form, values, errors: input.errors });
    try {
      await sectionsApi(event).reply(values.commentId ?? '', input.data.body);
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return { form, done: m.comment_reply_saved() };
  },
};
