// The wall's part of the API client, for the wall pages' loads and form actions: the same transport as
// `api.ts` (shapes from @inbreng/shared, the session cookie along, ApiError on a refusal).
import {
  Page,
  WallCard,
  WallDetail,
  WallEvent,
  WallProposalList,
  WallRun,
  WallSummary,
  type CardEdit,
  type CardMove,
  type CardQuery,
  type ClusterEdit,
  type ClusterSplit,
  type RunCreate,
  type WallCreate,
  type WallHistoryQuery,
  type WallQuery,
} from '@inbreng/shared';
import { transport, type ApiEvent } from './api.ts';

export function wallApi(event: ApiEvent) {
  const { send, call, get, write } = transport(event);
  const post = (path: string, body: unknown = {}) => write('POST', path, body);
  const wall = (wallId: string) => `/api/walls/${encodeURIComponent(wallId)}`;
  const part = (wallId: string, kind: string, partId: string) =>
    `${wall(wallId)}/${kind}/${encodeURIComponent(partId)}`;

  return {
    list: (query: Partial<WallQuery>) => get('/api/walls', Page(WallSummary), query),
    create: (input: WallCreate) => call('POST', '/api/walls', WallDetail, input),
    get: (wallId: string) => get(wall(wallId), WallDetail),
    cards: (wallId: string, query: Partial<CardQuery>) => get(`${wall(wallId)}/cards`, Page(WallCard), query),
    card: (wallId: string, cardId: string) => get(part(wallId, 'cards', cardId), WallCard),
    move: (wallId: string, cardId: string, input: CardMove) =>
      post(`${part(wallId, 'cards', cardId)}/move`, input),
    editCard: async (wallId: string, cardId: string, input: CardEdit) => {
      await send('PATCH', part(wallId, 'cards', cardId), input);
    },
    fragment: (wallId: string, cardId: string, start: number, end: number) =>
      post(`${part(wallId, 'cards', cardId)}/fragments`, { start, end }),
    createCluster: (wallId: string, name: string) => post(`${wall(wallId)}/clusters`, { name }),
    editCluster: async (wallId: string, clusterId: string, input: ClusterEdit) => {
      await send('PATCH', part(wallId, 'clusters', clusterId), input);
    },
    merge: (wallId: string, clusterId: string, intoClusterId: string) =>
      post(`${part(wallId, 'clusters', clusterId)}/merge`, { intoClusterId }),
    split: (wallId: string, clusterId: string, input: ClusterSplit) =>
      post(`${part(wallId, 'clusters', clusterId)}/split`, input),
    dissolve: (wallId: string, clusterId: string) => post(`${part(wallId, 'clusters', clusterId)}/dissolve`),
    startRun: (wallId: string, input: Partial<RunCreate>) =>
      call('POST', `${wall(wallId)}/runs`, WallRun, input),
    proposals: async (wallId: string) => (await get(`${wall(wallId)}/proposals`, WallProposalList)).items,
    decide: (wallId: string, proposalId: string, decision: 'accept' | 'reject', cardIds?: string[]) =>
      post(`${part(wallId, 'proposals', proposalId)}/${decision}`, cardIds ? { cardIds } : {}),
    decideAll: (wallId: string, decision: 'accept' | 'reject') =>
      post(`${wall(wallId)}/proposals/${decision}-all`),
    undo: (wallId: string) => post(`${wall(wallId)}/undo`),
    redo: (wallId: string) => post(`${wall(wallId)}/redo`),
    history: (wallId: string, query: Partial<WallHistoryQuery>) =>
      get(`${wall(wallId)}/history`, Page(WallEvent), query),
  };
}

export type WallApi = ReturnType<typeof wallApi>;
