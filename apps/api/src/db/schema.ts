// The typed shape of the database for Kysely; change it in the same commit as the migration it mirrors.
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface PlanTable {
  id: Generated<string>;
  slug: string;
  title: string;
  organisation: string;
  summary: Generated<string>;
  strategy: Generated<string>;
  period_start: number;
  period_end: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GoalTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  title: string;
  description: Generated<string>;
}

export interface ThemeTable {
  id: Generated<string>;
  goal_id: string;
  position: number;
  title: string;
  description: Generated<string>;
}

export interface MilestoneTable {
  id: Generated<string>;
  plan_id: string;
  body: 'AB' | 'DB';
  kind: 'vergadering' | 'themabijeenkomst';
  date: string;
  purpose: 'informeren' | 'kennismaken' | 'bespreken' | 'doorgeleiden' | 'vaststellen';
  title: string;
  description: Generated<string>;
}

export interface DB {
  schema_migration: SchemaMigrationTable;
  plan: PlanTable;
  goal: GoalTable;
  theme: ThemeTable;
  milestone: MilestoneTable;
}

export type PlanRow = Selectable<PlanTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
