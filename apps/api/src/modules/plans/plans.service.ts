// Reading plans: the plan with its goals, themes, and where the governance timeline stands today.
import type { Milestone, MilestoneStatus, Page, PageQuery, PlanDetail, PlanSummary } from '@inbreng/shared';
import type { Kysely } from 'kysely';
import { amsterdamToday } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import * as queries from './plans.queries.ts';

type PlanSummaryRow = Awaited<ReturnType<typeof queries.listPlans>>[number];

function toSummary(row: PlanSummaryRow): PlanSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    organisation: row.organisation,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}

/** Before today: past; the first on or after today: next; the rest: upcoming. */
export function milestoneStatuses(dates: string[], today: string): MilestoneStatus[] {
  const next = dates.findIndex((date) => date >= today);
  return dates.map((date, i) => (date < today ? 'past' : i === next ? 'next' : 'upcoming'));
}

export function createPlansService(db: Kysely<DB>, now: () => Date) {
  return {
    async list(query: PageQuery): Promise<Page<PlanSummary>> {
      const [rows, total] = await Promise.all([
        queries.listPlans(db, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
        queries.countPlans(db),
      ]);
      return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
    },

    async get(reference: string): Promise<PlanDetail> {
      const plan = await queries.findPlan(db, reference);
      if (!plan) throw notFound('Dit plan bestaat niet (meer).');
      const [goals, themes, milestones] = await Promise.all([
        queries.goalsOf(db, plan.id),
        queries.themesOf(db, plan.id),
        queries.milestonesOf(db, plan.id),
      ]);
      const today = amsterdamToday(now());
      const statuses = milestoneStatuses(
        milestones.map((m) => m.date),
        today,
      );
      return {
        ...toSummary(plan),
        summary: plan.summary,
        strategy: plan.strategy,
        goals: goals.map((goal) => ({
          ...goal,
          themes: themes
            .filter((theme) => theme.goal_id === goal.id)
            .map(({ goal_id: _, ...theme }) => theme),
        })),
        milestones: milestones.map((m, i): Milestone => ({ ...m, status: statuses[i]! })),
        today,
      };
    },
  };
}
