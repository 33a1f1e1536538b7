import {
  CardConflict,
  ClusterCreate,
  ClusterMerge,
  ClusterSplit,
  RunCreate,
  type WallCard,
} from '@inbreng/shared';
import { isProgrammeTeam } from '#lib/access.ts';
import { m } from '#lib/paraglide/messages.js';
import { ApiError, api } from '#lib/server/api.ts';
import { pageError } from '#lib/server/errors.ts';
import { apiFailure, check, failure, readLists, readValues } from '#lib/server/forms.ts';
import { forbidden, requireMe } from '#lib/server/guard.ts';
import { wallApi } from '#lib/server/wall.ts';
import { wallFilters } from './filters.ts';
import type { Actions, PageServerLoad } from './$types';

/** Up to this many cards, the whole wall comes in one call and every cluster starts open. */
const SMALL_WALL = 500;
/** A column's first page on a large wall; the rest is loaded in the browser ("meer laden"). */
const COLUMN_PAGE = 100;

type Column = { items: WallCard[]; total: number };

// One wall: its clusters with their cards, the open proposals, who is here. Every change is a form
// action (so the wall works without script too); the page's script adds drag, keyboard and live.
export const load: PageServerLoad = async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!isProgrammeTeam(me.roles)) forbidden();
  event.depends('app:wall');
  const wallId = event.params.id;
  const { values, query, active } = wallFilters(event.url);
  // Clusters opened on a large wall without script: ?open=<id> (repeatable).
  const opened = event.url.searchParams.getAll('open');
  try {
    const client = api(event);
    const walls = wallApi(event);
    const [wall, proposals, rounds, organisations] = await Promise.all([
      walls.get(wallId),
      walls.proposals(wallId),
      client.rounds.list({ pageSize: 100 }),
      client.organisations.list({ pageSize: 100 }),
    ]);
    const plan = await client.plans.get(wall.planSlug);
    const small = wall.cards <= SMALL_WALL;
    const columns: Record<string, Column> = { unsorted: { items: [], total: 0 } };
    for (const cluster of wall.clusters) columns[cluster.id] = { items: [], total: 0 };
    if (small) {
      const all = await walls.cards(wallId, { ...query, pageSize: SMALL_WALL });
      for (const card of all.items) {
        const column = columns[card.clusterId ?? 'unsorted'];
        if (column) {
          column.items.push(card);
          column.total++;
        }
      }
    } else {
      const keys = ['unsorted', ...opened.filter((id) => id in columns)];
      const pages = await Promise.all(
        keys.map((cluster) => walls.cards(wallId, { ...query, cluster, pageSize: COLUMN_PAGE })),
      );
      keys.forEach((key, i) => (columns[key] = { items: pages[i]!.items, total: pages[i]!.total }));
    }
    return {
      wall,
      proposals: proposals.filter((p) => p.state === 'open' || p.state === 'partly'),
      columns,
      /** Which columns hold their cards (the others load when opened). */
      loaded: small ? Object.keys(columns) : ['unsorted', ...opened],
      opened,
      small,
      columnPage: COLUMN_PAGE,
      filters: values,
      filtering: active,
      options: {
        rounds: rounds.items
          .filter((r) => r.planId === wall.planId)
          .map((r) => ({ value: r.id, label: r.title })),
        themes: plan.goals.flatMap((g) => g.themes.map((t) => ({ value: t.id, label: t.title }))),
        organisations: organisations.items.map((o) => ({ value: o.id, label: o.name })),
        tags: wall.tags.map((t) => ({ value: t, label: t })),
      },
      me: { id: me.id, name: me.name ?? me.email },
    };
  } catch (cause) {
    pageError(cause);
  }
};

/** A card's version as the form saw it. */
const versionOf = (value: string) => {
  const version = Number(value);
  return Number.isInteger(version) && version >= 1 ? version : 1;
};

/** A 409 on a card: the API's sentence says who moved or changed it first. */
function conflictOrFailure(
  event: Parameters<Actions[string]>[0],
  form: string,
  values: Record<string, string>,
  cause: unknown,
) {
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
  move: async (event) => {
    const values = readValues(await event.request.formData(), ['cardId', 'clusterId', 'expectedVersion']);
    try {
      await wallApi(event).move(event.params.id, values.cardId!, {
        clusterId: values.clusterId || null,
        expectedVersion: versionOf(values.expectedVersion!),
      });
    } catch (cause) {
      return conflictOrFailure(event, 'move', values, cause);
    }
    return { form: 'move', done: m.wall_moved() };
  },

  createCluster: async (event) => {
    const values = readValues(await event.request.formData(), ['name']);
    const input = check(ClusterCreate, values);
    if (input.errors) return failure(400, { form: 'createCluster', values, errors: input.errors });
    try {
      await wallApi(event).createCluster(event.params.id, input.data.name);
    } catch (cause) {
      return apiFailure(event, 'createCluster', values, cause);
    }
    return { form: 'createCluster', done: m.wall_cluster_created({ name: input.data.name }) };
  },

  rename: async (event) => {
    const values = readValues(await event.request.formData(), ['clusterId', 'name']);
    const form = `cluster-${values.clusterId}`;
    const input = check(ClusterCreate, { name: values.name });
    if (input.errors) return failure(400, { form, values, errors: input.errors });
    try {
      await wallApi(event).editCluster(event.params.id, values.clusterId!, { name: input.data.name });
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return { form: 'cluster', done: m.wall_cluster_renamed({ name: input.data.name }) };
  },

  merge: async (event) => {
    const values = readValues(await event.request.formData(), ['clusterId', 'intoClusterId']);
    const form = `cluster-${values.clusterId}`;
    const input = check(ClusterMerge, { intoClusterId: values.intoClusterId });
    if (input.errors) return failure(400, { form, values, errors: input.errors });
    try {
      await wallApi(event).merge(event.params.id, values.clusterId!, input.data.intoClusterId);
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return { form: 'cluster', done: m.wall_cluster_merged() };
  },

  split: async (event) => {
    const formData = await event.request.formData();
    const values = readValues(formData, ['clusterId', 'name']);
    const lists = readLists(formData, ['cardIds']);
    const form = `cluster-${values.clusterId}`;
    const input = check(ClusterSplit, { name: values.name, cardIds: lists.cardIds });
    if (input.errors) return failure(400, { form, values, lists, errors: input.errors });
    try {
      await wallApi(event).split(event.params.id, values.clusterId!, input.data);
    } catch (cause) {
      return apiFailure(event, form, values, cause, lists);
    }
    return { form: 'cluster', done: m.wall_cluster_split({ name: input.data.name }) };
  },

  dissolve: async (event) => {
    const values = readValues(await event.request.formData(), ['clusterId']);
    try {
      await wallApi(event).dissolve(event.params.id, values.clusterId!);
    } catch (cause) {
      return apiFailure(event, `cluster-${values.clusterId}`, values, cause);
    }
    return { form: 'cluster', done: m.wall_cluster_dissolved() };
  },

  run: async (event) => {
    const values = readValues(await event.request.formData(), ['kind', 'k']);
    const input = check(RunCreate, {
      kind: values.kind || 'cluster',
      k: values.k ? Number(values.k) : undefined,
    });
    if (input.errors) return failure(400, { form: 'run', values, errors: input.errors });
    try {
      await wallApi(event).startRun(event.params.id, input.data);
    } catch (cause) {
      return apiFailure(event, 'run', values, cause);
    }
    return { form: 'run', done: m.wall_run_started() };
  },

  decide: async (event) => {
    const formData = await event.request.formData();
    const values = readValues(formData, ['proposalId', 'choice']);
    const { cardIds = [] } = readLists(formData, ['cardIds']);
    // One field for the four buttons: accept or reject, the whole proposal or the ticked cards.
    const decision = values.choice?.startsWith('reject') ? 'reject' : 'accept';
    const some = values.choice?.endsWith('-cards') ?? false;
    const form = `proposal-${values.proposalId}`;
    if (some && cardIds.length === 0) {
      return failure(400, { form, values, message: m.wall_proposal_choose_cards() });
    }
    try {
      await wallApi(event).decide(event.params.id, values.proposalId!, decision, some ? cardIds : undefined);
    } catch (cause) {
      return apiFailure(event, form, values, cause);
    }
    return {
      form: 'proposals',
      done: decision === 'accept' ? m.wall_proposal_accepted() : m.wall_proposal_rejected(),
    };
  },

  decideAll: async (event) => {
    const values = readValues(await event.request.formData(), ['decision']);
    const decision = values.decision === 'reject' ? 'reject' : 'accept';
    try {
      await wallApi(event).decideAll(event.params.id, decision);
    } catch (cause) {
      return apiFailure(event, 'proposals', values, cause);
    }
    return {
      form: 'proposals',
      done: decision === 'accept' ? m.wall_proposals_all_accepted() : m.wall_proposals_all_rejected(),
    };
  },

  undo: async (event) => {
    try {
      await wallApi(event).undo(event.params.id);
    } catch (cause) {
      return apiFailure(event, 'undo', {}, cause);
    }
    return { form: 'undo', done: m.wall_undone() };
  },

  redo: async (event) => {
    try {
      await wallApi(event).redo(event.params.id);
    } catch (cause) {
      return apiFailure(event, 'undo', {}, cause);
    }
    return { form: 'undo', done: m.wall_redone() };
  },
};
