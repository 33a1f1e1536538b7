// The joins behind "what became of my input": contribution → wall_card (the card itself and fragments
// cut from it; a duplicate counts as its original's cluster) → wall_cluster → section_cluster →
// section, and the resolution counts of each section's comments. Shared by the page and the notices.
import { sql, type Kysely } from 'kysely';
import {
  anchorStatusLabels,
  resolutionLabels,
  sectionSlotLabels,
  sectionStateLabels,
  type Anchor,
  type MyComment,
  type MyComments,
} from '@inbreng/shared';
import type { DB } from '../../db/schema.ts';

type Slot = 'horizon' | 'steps' | 'roles' | 'actions';
type State = 'concept' | 'in_consultatie' | 'herzien' | 'vastgesteld';

/**
 * Per contribution, the clusters its cards are in. A card marked as a duplicate counts as the
 * original's cluster (when the original is in one); removed cards and dissolved clusters do not count.
 */
export async function clustersOfContributions(db: Kysely<DB>, contributionIds: string[]) {
  if (contributionIds.length === 0) return [];
  return db
    .selectFrom('wall_card as k')
    .leftJoin('wall_card as o', (j) => j.onRef('o.id', '=', 'k.duplicate_of').on('o.removed_at', 'is', null))
    .innerJoin('wall_cluster as l', (j) =>
      j.on(sql<boolean>`l.id = coalesce(o.cluster_id, k.cluster_id)`).on('l.dissolved_at', 'is', null),
    )
    .select(['k.contribution_id', 'l.id', 'l.wall_id', 'l.name', 'l.position'])
    .where('k.contribution_id', 'in', contributionIds)
    .where('k.removed_at', 'is', null)
    .distinct()
    .orderBy('k.contribution_id')
    .orderBy('l.position')
    .orderBy('l.id')
    .execute();
}

/** Which of these contributions have a card on some wall at all (placed or not). */
export async function contributionsOnWall(db: Kysely<DB>, contributionIds: string[]): Promise<Set<string>> {
  if (contributionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('wall_card')
    .select('contribution_id')
    .where('contribution_id', 'in', contributionIds)
    .where('removed_at', 'is', null)
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.contribution_id));
}

/** The sections these clusters fed, leaving out concepts (the team's draft, not shown to others yet). */
export async function sectionsOfClusters(db: Kysely<DB>, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  return db
    .selectFrom('section_cluster as sc')
    .innerJoin('section as s', 's.id', 'sc.section_id')
    .innerJoin('goal as g', 'g.id', 's.goal_id')
    .select([
      'sc.cluster_id',
      's.id',
      's.slot',
      's.state',
      's.goal_id',
      'g.position as goal_position',
      'g.title as goal_title',
    ])
    .where('sc.cluster_id', 'in', clusterIds)
    .where('s.state', '!=', 'concept')
    .orderBy('g.position')
    .orderBy(sql`array_position(ARRAY['horizon','steps','roles','actions'], s.slot)`)
    .execute() as Promise<
    Array<{
      cluster_id: string;
      id: string;
      slot: Slot;
      state: State;
      goal_id: string;
      goal_position: number;
      goal_title: string;
    }>
  >;
}

/** Per section, its top-level comments by resolution, and how many are still open. */
export async function resolutionCounts(db: Kysely<DB>, sectionIds: string[]) {
  if (sectionIds.length === 0) return new Map<string, Counts>();
  const rows = await db
    .selectFrom('section_comment as c')
    .select([
      'c.section_id',
      sql<string>`count(*) FILTER (WHERE c.resolution = 'verwerkt')`.as('verwerkt'),
      sql<string>`count(*) FILTER (WHERE c.resolution = 'niet_overgenomen')`.as('niet_overgenomen'),
      sql<string>`count(*) FILTER (WHERE c.resolution = 'beantwoord')`.as('beantwoord'),
      sql<string>`count(*) FILTER (WHERE c.state = 'open')`.as('open'),
    ])
    .where('c.section_id', 'in', sectionIds)
    .where('c.parent_id', 'is', null)
    .groupBy('c.section_id')
    .execute();
  return new Map<string, Counts>(
    rows.map((r) => [
      r.section_id,
      {
        verwerkt: Number(r.verwerkt),
        niet_overgenomen: Number(r.niet_overgenomen),
        beantwoord: Number(r.beantwoord),
        open: Number(r.open),
      },
    ]),
  );
}

export type Counts = { verwerkt: number; niet_overgenomen: number; beantwoord: number; open: number };

/**
 * The people whose own submitted input (or a fragment of it, or a duplicate of it) sits in a cluster
 * linked to this section. Input recorded from a meeting is left out: its author is the team member who
 * wrote it down, not the one who gave it. Erased people and those without an address are left out.
 */
export function contributorsOfSection(db: Kysely<DB>, sectionId: string) {
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.email', 'p.name', 'p.locale', 'p.notify'])
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contribution as c')
          .innerJoin('wall_card as k', 'k.contribution_id', 'c.id')
          .leftJoin('wall_card as o', (j) =>
            j.onRef('o.id', '=', 'k.duplicate_of').on('o.removed_at', 'is', null),
          )
          .innerJoin('section_cluster as sc', (j) =>
            j.on(sql<boolean>`sc.cluster_id = coalesce(o.cluster_id, k.cluster_id)`),
          )
          .innerJoin('wall_cluster as l', 'l.id', 'sc.cluster_id')
          .select('c.id')
          .whereRef('c.author_id', '=', 'p.id')
          .where('c.state', '=', 'submitted')
          .where('c.source', '=', 'form')
          .where('k.removed_at', 'is', null)
          .where('l.dissolved_at', 'is', null)
          .where('sc.section_id', '=', sectionId),
      ),
    )
    .orderBy('p.id');
}

/**
 * "Mijn reacties op het concept": the person's own top-level comments, newest first, each with its
 * section, the quote as made, where the passage is now, and the team's resolution. Filtering on
 * author_id is what keeps everyone else's comments out; replies are counted, not listed.
 */
export async function commentsOfAuthor(
  db: Kysely<DB>,
  personId: string,
  query: { page: number; pageSize: number },
): Promise<MyComments> {
  const { page, pageSize } = query;
  const own = () =>
    db
      .selectFrom('section_comment as c')
      .where('c.author_id', '=', personId)
      .where('c.parent_id', 'is', null);
  const [total, rows] = await Promise.all([
    own()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    own()
      .innerJoin('section as s', 's.id', 'c.section_id')
      .innerJoin('goal as g', 'g.id', 's.goal_id')
      .leftJoin('section as rs', 'rs.id', 'c.resolved_section_id')
      .leftJoin('goal as rg', 'rg.id', 'rs.goal_id')
      .leftJoin('section_revision as rr', 'rr.id', 'c.resolved_revision_id')
      .select([
        'c.id',
        'c.body',
        'c.created_at',
        'c.anchor',
        'c.anchor_status',
        'c.state',
        'c.resolution',
        'c.resolution_text',
        'c.resolved_at',
        's.id as section_id',
        's.slot',
        's.state as section_state',
        'g.id as goal_id',
        'g.position as goal_position',
        'g.title as goal_title',
        'rs.id as resolved_section_id',
        'rs.slot as resolved_slot',
        'rg.id as resolved_goal_id',
        'rg.position as resolved_goal_position',
        'rg.title as resolved_goal_title',
        'rr.id as resolved_revision_id',
        'rr.number as resolved_revision_number',
        (eb) =>
          eb
            .selectFrom('section_comment as r')
            .select(eb.fn.countAll<string>().as('n'))
            .whereRef('r.parent_id', '=', 'c.id')
            .as('replies'),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const items = rows.map((r): MyComment => {
    const slot = r.slot as Slot;
    const status = r.anchor_status ?? 'exact';
    const resolvedSlot = r.resolved_slot as Slot | null;
    return {
      id: r.id,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      section: {
        id: r.section_id,
        goal: { id: r.goal_id, position: r.goal_position, title: r.goal_title },
        slot,
        slotLabel: sectionSlotLabels[slot],
        state: r.section_state as State,
        stateLabel: sectionStateLabels[r.section_state as State],
      },
      quote: (r.anchor as Anchor | null)?.quote.exact ?? '',
      anchor: { status, label: anchorStatusLabels[status] },
      state: r.state,
      replyCount: Number(r.replies ?? 0),
      resolution:
        r.resolution && r.resolved_at
          ? {
              kind: r.resolution,
              label: resolutionLabels[r.resolution],
              text: r.resolution_text,
              at: r.resolved_at.toISOString(),
              section:
                r.resolved_section_id && resolvedSlot && r.resolved_goal_id
                  ? {
                      id: r.resolved_section_id,
                      goal: {
                        id: r.resolved_goal_id,
                        position: r.resolved_goal_position!,
                        title: r.resolved_goal_title!,
                      },
                      slot: resolvedSlot,
                      slotLabel: sectionSlotLabels[resolvedSlot],
                    }
                  : null,
              revision:
                r.resolved_revision_id && r.resolved_revision_number !== null
                  ? { id: r.resolved_revision_id, number: r.resolved_revision_number }
                  : null,
            }
          : null,
    };
  });
  return { items, page, pageSize, total: Number(total.n) };
}
