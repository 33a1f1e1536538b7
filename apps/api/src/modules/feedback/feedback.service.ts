// "What became of my input": a person's own submitted contributions, newest first, each with the
// clusters it was sorted into, the sections those clusters fed (their state) and how the comments on
// those sections were resolved. The list is always the signed-in person's own (author_id), so anonymous
// input is shown to its author and to nobody else.
import {
  sectionSlotLabels,
  sectionStateLabels,
  type FeedbackCluster,
  type FeedbackItem,
  type FeedbackSection,
  type MyFeedback,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as q from './feedback.queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const NO_COMMENTS = { verwerkt: 0, niet_overgenomen: 0, beantwoord: 0, open: 0 };

export function createFeedbackService({ db }: { db: Kysely<DB> }) {
  return {
    async mine(
      personId: string,
      query: { page: number; pageSize: number; contributionIds?: string[] | undefined },
    ): Promise<MyFeedback> {
      const { page, pageSize, contributionIds } = query;
      const base = () => {
        let b = db
          .selectFrom('contribution as c')
          .where('c.author_id', '=', personId)
          .where('c.state', '=', 'submitted')
          // Meeting input is written down by the team on someone's behalf: not the recorder's own input.
          .where('c.source', '=', 'form');
        if (contributionIds) b = b.where('c.id', 'in', contributionIds);
        return b;
      };
      const [rows, total] = await Promise.all([
        base()
          .innerJoin('round as r', 'r.id', 'c.round_id')
          .innerJoin('theme as t', 't.id', 'c.theme_id')
          .select([
            'c.id',
            'c.round_id',
            'r.title as round_title',
            't.title as theme_title',
            'c.visibility',
            'c.submitted_at',
          ])
          .orderBy('c.submitted_at', 'desc')
          .orderBy('c.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base()
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const ids = rows.map((r) => r.id);
      const [clusterRows, onWall] = await Promise.all([
        q.clustersOfContributions(db, ids),
        q.contributionsOnWall(db, ids),
      ]);
      const clusterIds = [...new Set(clusterRows.map((c) => c.id))];
      const sectionRows = await q.sectionsOfClusters(db, clusterIds);
      const counts = await q.resolutionCounts(db, [...new Set(sectionRows.map((s) => s.id))]);

      const clustersBy = Map.groupBy(clusterRows, (c) => c.contribution_id);
      const sectionsByCluster = Map.groupBy(sectionRows, (s) => s.cluster_id);
      const items = rows.map((row): FeedbackItem => {
        const mine = clustersBy.get(row.id) ?? [];
        const clusters: FeedbackCluster[] = mine.map((c) => ({ id: c.id, wallId: c.wall_id, name: c.name }));
        // A section fed by two of the input's clusters is listed once, in outline order.
        const sections = new Map<string, FeedbackSection & { order: number[] }>();
        for (const c of mine) {
          for (const s of sectionsByCluster.get(c.id) ?? []) {
            if (sections.has(s.id)) continue;
            sections.set(s.id, {
              id: s.id,
              goal: { id: s.goal_id, position: s.goal_position, title: s.goal_title },
              slot: s.slot,
              slotLabel: sectionSlotLabels[s.slot],
              state: s.state,
              stateLabel: sectionStateLabels[s.state],
              comments: counts.get(s.id) ?? NO_COMMENTS,
              order: [s.goal_position, ['horizon', 'steps', 'roles', 'actions'].indexOf(s.slot)],
            });
          }
        }
        return {
          contributionId: row.id,
          roundId: row.round_id,
          roundTitle: row.round_title,
          themeTitle: row.theme_title,
          visibility: row.visibility,
          submittedAt: iso(row.submitted_at),
          placement: clusters.length > 0 ? 'clustered' : onWall.has(row.id) ? 'unsorted' : 'not_on_wall',
          clusters,
          sections: [...sections.values()]
            .toSorted((a, b) => a.order[0]! - b.order[0]! || a.order[1]! - b.order[1]!)
            .map(({ order: _order, ...s }) => s),
        };
      });
      return { items, page, pageSize, total: Number(total.n) };
    },
  };
}
