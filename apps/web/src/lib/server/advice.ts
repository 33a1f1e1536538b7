// The councils' formal advice in the API client, for the pages under /advies: the same transport as
// `api.ts` (shapes from @inbreng/shared, the session cookie along, ApiError on a refusal). Advice with
// an attachment goes as a multipart form, as the API takes it, with the file in the field `attachment`.
import {
  AdviceDetail,
  AdviceList,
  PlanDetail,
  type AdviceResponsesInput,
  type AdviceSubmit,
} from '@inbreng/shared';
import { transport, type ApiEvent } from './api.ts';

export function adviceApi(event: ApiEvent) {
  const { send, call, get } = transport(event);
  const id = (value: string) => encodeURIComponent(value);
  const advice = (adviceId: string) => `/api/advice/${id(adviceId)}`;

  return {
    plan: (reference: string) => get(`/api/plans/${id(reference)}`, PlanDetail),
    list: (reference: string) => get(`/api/plans/${id(reference)}/advice`, AdviceList),
    get: (adviceId: string) => get(advice(adviceId), AdviceDetail),
    /** Without a file as JSON; with one as a form, the points as one JSON array (texts may start with "["). */
    submit: async (reference: string, input: AdviceSubmit & { organisationId?: string }, file?: File) => {
      const path = `/api/plans/${id(reference)}/advice`;
      if (!file) return call('POST', path, AdviceDetail, input);
      const form = new FormData();
      form.set('milestoneId', input.milestoneId);
      form.set('summary', input.summary ?? '');
      form.set('points', JSON.stringify(input.points.map((p) => p.text)));
      if (input.organisationId) form.set('organisationId', input.organisationId);
      form.set('attachment', file, file.name);
      return AdviceDetail.parse(await (await send('POST', path, form)).json());
    },
    respond: (adviceId: string, input: AdviceResponsesInput) =>
      call('PUT', `${advice(adviceId)}/responses`, AdviceDetail, input),
    /** The raw answer, passed on to the browser as a download. */
    attachment: (adviceId: string) => send('GET', `${advice(adviceId)}/attachment`),
  };
}

export type AdviceApi = ReturnType<typeof adviceApi>;
