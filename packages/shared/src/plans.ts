// The contract of plans, their goals, themes and governance milestones.
import { z } from 'zod';

export const MilestoneBody = z.enum(['AB', 'DB']);
export type MilestoneBody = z.infer<typeof MilestoneBody>;

/** A board meeting either decides in a formal session or explores in a theme meeting. */
export const MilestoneKind = z.enum(['vergadering', 'themabijeenkomst']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** What the board does with the plan at that meeting, in the order a plan moves through them. */
export const MilestonePurpose = z.enum([
  'informeren',
  'kennismaken',
  'bespreken',
  'doorgeleiden',
  'vaststellen',
]);
export type MilestonePurpose = z.infer<typeof MilestonePurpose>;

export const MilestoneStatus = z.enum(['past', 'next', 'upcoming']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

const IsoDate = z.iso.date();

export const Theme = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
});
export type Theme = z.infer<typeof Theme>;

export const Goal = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  themes: z.array(Theme),
});
export type Goal = z.infer<typeof Goal>;

export const Milestone = z.object({
  id: z.uuid(),
  body: MilestoneBody,
  kind: MilestoneKind,
  date: IsoDate,
  purpose: MilestonePurpose,
  title: z.string(),
  description: z.string(),
  status: MilestoneStatus,
});
export type Milestone = z.infer<typeof Milestone>;

export const PlanSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  organisation: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({
  summary: z.string(),
  strategy: z.string(),
  goals: z.array(Goal),
  milestones: z.array(Milestone),
  /** Today's date in Europe/Amsterdam, against which the milestone statuses were computed. */
  today: IsoDate,
}).meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof PlanDetail>;

/** A plan is addressed by its id or its slug, so links stay readable. */
export const PlanParams = z.object({
  plan: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[a-z0-9-]+$/, 'Gebruik alleen kleine letters, cijfers en streepjes.'),
});
export type PlanParams = z.infer<typeof PlanParams>;
