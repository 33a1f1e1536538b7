// The sections' part of the API client (draft sections, revisions, diffs and anchored comments), for the
// pages under /onderdelen and /opmerkingen: the same transport as `api.ts` (shapes from @inbreng/shared,
// the session cookie along, ApiError on a refusal; a 409 on a stale save keeps both texts in `body`).
import {
  CommentOverview,
  CommentThread,
  CommentThreads,
  Page,
  PlanDetail,
  PlanSections,
  RevisionDetail,
  RevisionSummary,
  SectionDetail,
  SectionDiff,
  WallDetail,
  WallSummary,
  type CommentCreate,
  type CommentOverviewQuery,
  type CommentResolve,
  type SectionCommentersInput,
  type SectionCreate,
  type SectionSave,
  type SectionTransitionInput,
} from '@inbreng/shared';
import { transport, type ApiEvent } from './api.ts';

export function sectionsApi(event: ApiEvent) {
  const { call, get } = transport(event);
  const id = (value: string) => encodeURIComponent(value);
  const section = (sectionId: string) => `/api/sections/${id(sectionId)}`;

  return {
    plan: (reference: string) => get(`/api/plans/${id(reference)}`, PlanDetail),
    forPlan: (reference: string) => get(`/api/plans/${id(reference)}/sections`, PlanSections),
    create: (reference: string, input: SectionCreate) =>
      call('POST', `/api/plans/${id(reference)}/sections`, SectionDetail, input),
    get: (sectionId: string) => get(section(sectionId), SectionDetail),
    save: (sectionId: string, input: SectionSave) => call('PUT', section(sectionId), SectionDetail, input),
    transition: (sectionId: string, input: SectionTransitionInput) =>
      call('POST', `${section(sectionId)}/transition`, SectionDetail, input),
    linkClusters: (sectionId: string, clusterIds: string[]) =>
      call('PUT', `${section(sectionId)}/clusters`, SectionDetail, { clusterIds }),
    admit: (sectionId: string, input: SectionCommentersInput) =>
      call('PUT', `${section(sectionId)}/commenters`, SectionDetail, input),
    revisions: (sectionId: string, query: { page?: number; pageSize?: number }) =>
      get(`${section(sectionId)}/revisions`, Page(RevisionSummary), query),
    revision: (sectionId: string, revisionId: string) =>
      get(`${section(sectionId)}/revisions/${id(revisionId)}`, RevisionDetail),
    diff: (sectionId: string, from: string, to: string) =>
      get(`${section(sectionId)}/diff`, SectionDiff, { from, to }),
    comments: (sectionId: string, state: 'open' | 'resolved' | 'all' = 'all') =>
      get(`${section(sectionId)}/comments`, CommentThreads, { state }),
    comment: (sectionId: string, input: CommentCreate) =>
      call('POST', `${section(sectionId)}/comments`, CommentThread, input),
    reply: (commentId: string, body: string) =>
      call('POST', `/api/comments/${id(commentId)}/replies`, CommentThread, { body }),
    resolve: (commentId: string, input: CommentResolve) =>
      call('POST', `/api/comments/${id(commentId)}/resolve`, CommentThread, input),
    overview: (query: Partial<CommentOverviewQuery>) => get('/api/comments', CommentOverview, query),
    /** The plan's walls and their clusters, to link a section to the clusters behind it. */
    walls: (planId: string) => get('/api/walls', Page(WallSummary), { planId, pageSize: 100 }),
    wall: (wallId: string) => get(`/api/walls/${id(wallId)}`, WallDetail),
  };
}

export type SectionsApi = ReturnType<typeof sectionsApi>;
