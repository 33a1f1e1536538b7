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

export type OrganisationType = 'hecht_unit' | 'gemeente' | 'adviesraad' | 'ketenpartner';
export type RoleName =
  'medewerker' | 'adviesraad_lid' | 'gemeente_ambtenaar' | 'ketenpartner' | 'programmateam' | 'beheerder';
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  type: OrganisationType;
  created_at: CreatedAt;
}

export interface PersonTable {
  id: Generated<string>;
  email: string | null;
  name: string | null;
  locale: Generated<'nl' | 'en'>;
  oidc_subject: string | null;
  created_at: CreatedAt;
  last_sign_in_at: NullableTimestamp;
  erased_at: NullableTimestamp;
  notify: Generated<'immediate' | 'daily' | 'none'>;
}

export interface MembershipTable {
  id: Generated<string>;
  person_id: string;
  organisation_id: string;
  role: RoleName;
  created_at: CreatedAt;
}

export type SignInMethod = 'email' | 'invitation' | 'oidc' | 'demo';

export interface SessionTable {
  id: string;
  secret_hash: Uint8Array;
  person_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  device: string;
  method: SignInMethod;
}

export interface SignInTokenTable {
  id: Generated<string>;
  person_id: string;
  link_hash: Uint8Array;
  code_hash: Uint8Array;
  failed_attempts: Generated<number>;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface InvitationTable {
  id: Generated<string>;
  email: string;
  name: string | null;
  organisation_id: string;
  role: RoleName;
  token_hash: Uint8Array;
  state: Generated<'open' | 'accepted' | 'revoked'>;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  sent_count: Generated<number>;
  last_sent_at: ColumnType<Date, Date | string | undefined, Date | string>;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  organisation_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  finished_at: NullableTimestamp;
}

export interface MailMessageTable {
  id: Generated<string>;
  person_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  state: Generated<'queued' | 'sent' | 'outbox' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

export interface PrivacyRequestTable {
  id: Generated<string>;
  person_id: string;
  kind: 'erasure';
  state: Generated<'requested' | 'done' | 'rejected'>;
  reason: string | null;
  created_at: CreatedAt;
  handled_at: NullableTimestamp;
  handled_by: string | null;
  handled_note: string | null;
}

export type RoundStateName = 'draft' | 'open' | 'closed' | 'reported';
type Json<T> = ColumnType<T, string | undefined, string>;

export interface RoundTable {
  id: Generated<string>;
  plan_id: string;
  title: string;
  purpose: Generated<string>;
  state: Generated<RoundStateName>;
  opens_on: string;
  closes_on: string;
  milestone_id: string | null;
  reminder_days: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  opened_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  reported_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
}

export interface RoundAudienceTable {
  round_id: string;
  audience: 'group' | 'organisation';
  role: 'medewerker' | 'adviesraad_lid' | 'gemeente_ambtenaar' | 'ketenpartner' | null;
  organisation_id: string | null;
}

export interface RoundThemeTable {
  round_id: string;
  theme_id: string;
  position: number;
}

export interface QuestionTable {
  id: Generated<string>;
  round_id: string;
  theme_id: string;
  position: number;
  kind: 'open' | 'single' | 'multiple' | 'scale' | 'addition';
  prompt: string;
  help: Generated<string>;
  options: Json<string[]>;
  required: Generated<boolean>;
}

export interface ContributionTable {
  id: Generated<string>;
  round_id: string;
  theme_id: string;
  author_id: string | null;
  organisation_id: string | null;
  visibility: Generated<'name' | 'organisation' | 'anonymous'>;
  source: Generated<'form' | 'meeting'>;
  meeting_date: string | null;
  meeting_source: string | null;
  state: Generated<'draft' | 'submitted'>;
  client_key: string;
  body: Generated<string>;
  search: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  submitted_at: NullableTimestamp;
}

export interface AnswerTable {
  contribution_id: string;
  question_id: string;
  text: Generated<string>;
  choices: Json<string[]>;
  scale: number | null;
}

export interface GemeenteResponseTable {
  id: Generated<string>;
  round_id: string;
  organisation_id: string;
  state: Generated<'drafting' | 'submitted'>;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  reopened_reason: string | null;
  created_at: CreatedAt;
  last_activity_at: UpdatedAt;
}

export interface ResponseAnswerTable {
  response_id: string;
  question_id: string;
  text: Generated<string>;
  choices: Json<string[]>;
  scale: number | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface ResponsePresenceTable {
  response_id: string;
  person_id: string;
  seen_at: Timestamp;
}

export interface RoundNoticeTable {
  round_id: string;
  person_id: string;
  kind: 'opened' | 'reminder';
  sent_at: Timestamp;
}

// ── The wall (0004_wall.sql) ──────────────────────────────────────────────

export interface WallTable {
  id: Generated<string>;
  plan_id: string;
  theme_id: string | null;
  title: string;
  seq: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WallClusterTable {
  id: Generated<string>;
  wall_id: string;
  name: string;
  note: Generated<string>;
  position: Generated<number>;
  origin: Generated<'person' | 'suggestion'>;
  terms: ColumnType<Array<{ term: string; weight: number }>, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  dissolved_at: NullableTimestamp;
}

export interface WallCardTable {
  id: Generated<string>;
  wall_id: string;
  contribution_id: string;
  source_card_id: string | null;
  fragment: string | null;
  fragment_start: number | null;
  fragment_end: number | null;
  cluster_id: string | null;
  position: Generated<number>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  duplicate_of: string | null;
  version: Generated<number>;
  placed_by: string | null;
  placed_at: NullableTimestamp;
  placed_how: 'person' | 'proposal' | null;
  created_at: CreatedAt;
  removed_at: NullableTimestamp;
}

export interface WallRunTable {
  id: Generated<string>;
  wall_id: string;
  kind: 'cluster' | 'suggest';
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  stage: Generated<string>;
  k: number | null;
  seed: Generated<number>;
  error: string | null;
  summary: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  requested_by: string | null;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface WallProposalTable {
  id: Generated<string>;
  wall_id: string;
  run_id: string;
  cluster_id: string | null;
  created_cluster_id: string | null;
  name: string;
  terms: ColumnType<Array<{ term: string; weight: number }>, string | undefined, string>;
  position: Generated<number>;
  state: Generated<'open' | 'accepted' | 'rejected' | 'partly'>;
}

export interface WallProposalCardTable {
  proposal_id: string;
  card_id: string;
  score: number;
  state: Generated<'open' | 'accepted' | 'rejected' | 'skipped'>;
  representative: Generated<boolean>;
}

export interface WallEventTable {
  id: Generated<number>;
  wall_id: string;
  seq: number;
  person_id: string | null;
  type: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  card_ids: ColumnType<string[], string[] | undefined, string[]>;
  cluster_ids: ColumnType<string[], string[] | undefined, string[]>;
  target_id: number | null;
  undone_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface WallPresenceTable {
  wall_id: string;
  person_id: string;
  seen_at: Timestamp;
}

export interface DB {
  schema_migration: SchemaMigrationTable;
  plan: PlanTable;
  goal: GoalTable;
  theme: ThemeTable;
  milestone: MilestoneTable;
  organisation: OrganisationTable;
  person: PersonTable;
  membership: MembershipTable;
  session: SessionTable;
  sign_in_token: SignInTokenTable;
  invitation: InvitationTable;
  rate_limit: RateLimitTable;
  audit_event: AuditEventTable;
  job: JobTable;
  mail_message: MailMessageTable;
  privacy_request: PrivacyRequestTable;
  round: RoundTable;
  round_audience: RoundAudienceTable;
  round_theme: RoundThemeTable;
  question: QuestionTable;
  contribution: ContributionTable;
  answer: AnswerTable;
  gemeente_response: GemeenteResponseTable;
  response_answer: ResponseAnswerTable;
  response_presence: ResponsePresenceTable;
  round_notice: RoundNoticeTable;
  wall: WallTable;
  wall_cluster: WallClusterTable;
  wall_card: WallCardTable;
  wall_run: WallRunTable;
  wall_proposal: WallProposalTable;
  wall_proposal_card: WallProposalCardTable;
  wall_event: WallEventTable;
  wall_presence: WallPresenceTable;
}

export type PlanRow = Selectable<PlanTable>;
export type MilestoneRow = Selectable<MilestoneTable>;

// ── Draft sections, revisions and anchored comments (0005_sections.sql) ────────

type SectionJson<T> = ColumnType<T, string, string>;
type StoredBlock = {
  id: string;
  kind: 'heading' | 'paragraph' | 'listItem';
  text: string;
  links?: unknown[];
};
type StoredAnchor = {
  blockId: string;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
};

export interface SectionTable {
  id: Generated<string>;
  plan_id: string;
  goal_id: string;
  slot: 'horizon' | 'steps' | 'roles' | 'actions';
  state: Generated<'concept' | 'in_consultatie' | 'herzien' | 'vastgesteld'>;
  revision: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SectionRevisionTable {
  id: Generated<string>;
  section_id: string;
  number: number;
  blocks: SectionJson<StoredBlock[]>;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface SectionTransitionTable {
  id: Generated<string>;
  section_id: string;
  from_state: string;
  to_state: string;
  milestone_id: string | null;
  note: Generated<string>;
  person_id: string | null;
  created_at: CreatedAt;
}

export interface SectionClusterTable {
  section_id: string;
  cluster_id: string;
}

export interface SectionCommenterTable {
  id: Generated<string>;
  section_id: string;
  organisation_id: string | null;
  person_id: string | null;
}

export interface SectionCommentTable {
  id: Generated<string>;
  section_id: string;
  parent_id: string | null;
  author_id: string | null;
  organisation_id: string | null;
  body: string;
  revision_id: string | null;
  anchor: ColumnType<StoredAnchor | null, string | null, string | null>;
  current_anchor: ColumnType<StoredAnchor | null, string | null, string | null>;
  anchor_status: 'exact' | 'moved' | 'fuzzy' | 'orphaned' | null;
  anchor_revision: number | null;
  state: Generated<'open' | 'resolved'>;
  resolution: 'verwerkt' | 'niet_overgenomen' | 'beantwoord' | null;
  resolution_text: Generated<string>;
  resolved_section_id: string | null;
  resolved_revision_id: string | null;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  created_at: CreatedAt;
}

// Declaration merging adds the tables to DB without touching the interface above.
export interface DB {
  section: SectionTable;
  section_revision: SectionRevisionTable;
  section_transition: SectionTransitionTable;
  section_cluster: SectionClusterTable;
  section_commenter: SectionCommenterTable;
  section_comment: SectionCommentTable;
}

// ── Formal advice of the councils (migration 0006) ────────────────────────

export interface AdviceTable {
  id: Generated<string>;
  plan_id: string;
  organisation_id: string;
  milestone_id: string;
  summary: Generated<string>;
  submitted_by: string | null;
  submitted_at: CreatedAt;
  completed_at: NullableTimestamp;
}

export interface AdvicePointTable {
  id: Generated<string>;
  advice_id: string;
  number: number;
  text: string;
  taken: 'overgenomen' | 'deels' | 'niet' | null;
  what: Generated<string>;
  why: Generated<string>;
  responded_by: string | null;
  responded_at: NullableTimestamp;
}

export interface AdviceAttachmentTable {
  advice_id: string;
  file_name: string;
  kind: 'pdf' | 'docx';
  size: number;
  sha256: string;
  data: Uint8Array | null;
  storage_key: string | null;
  created_at: CreatedAt;
}

export interface DB {
  advice: AdviceTable;
  advice_point: AdvicePointTable;
  advice_attachment: AdviceAttachmentTable;
}
