// SQL for contributions: the form's context, drafts and submits keyed by the client key, the lists
// (mine, and finding input with filters and Dutch full-text search), and the CSV export in batches.
import type { OrganisationType, Question } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { dutchQuery, matchesDutch } from '../../db/search.ts';

type Visibility = 'name' | 'organisation' | 'anonymous';

/** One contribution with everything a reply shows, before visibility decides what of it a viewer sees. */
export type ContributionRow = {
  id: string;
  round_id: string;
  round_title: string;
  round_state: 'draft' | 'open' | 'closed' | 'reported';
  theme_id: string;
  theme_title: string;
  state: 'draft' | 'submitted';
  source: 'form' | 'meeting';
  visibility: Visibility;
  author_id: string | null;
  author_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_type: OrganisationType | null;
  meeting_date: string | null;
  meeting_source: string | null;
  client_key: string;
  body: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
};

export type AnswerRow = {
  contribution_id: string;
  question_id: string;
  prompt: string;
  kind: 'open' | 'single' | 'multiple' | 'scale' | 'addition';
  text: string;
  choices: string[];
  scale: number | null;
};

function rows(db: Kysely<DB>) {
  return db
    .selectFrom('contribution as c')
    .innerJoin('round as r', 'r.id', 'c.round_id')
    .innerJoin('theme as t', 't.id', 'c.theme_id')
    .leftJoin('person as p', 'p.id', 'c.author_id')
    .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.round_id',
      'r.title as round_title',
      'r.state as round_state',
      'c.theme_id',
      't.title as theme_title',
      'c.state',
      'c.source',
      'c.visibility',
      'c.author_id',
      'p.name as author_name',
      'c.organisation_id',
      'o.name as organisation_name',
      'o.type as organisation_type',
      'c.meeting_date',
      'c.meeting_source',
      'c.client_key',
      'c.body',
      'c.created_at',
      'c.updated_at',
      'c.submitted_at',
    ]);
}

export function findContribution(db: Kysely<DB>, id: string): Promise<ContributionRow | undefined> {
  return rows(db).where('c.id', '=', id).executeTakeFirst();
}

export function findByKey(db: Kysely<DB>, authorId: string, clientKey: string) {
  return rows(db)
    .where('c.author_id', '=', authorId)
    .where('c.client_key', '=', clientKey)
    .executeTakeFirst();
}

/** The person's most recently saved draft for one theme of a round. */
export function latestDraft(db: Kysely<DB>, authorId: string, roundId: string, themeId: string) {
  return rows(db)
    .where('c.author_id', '=', authorId)
    .where('c.round_id', '=', roundId)
    .where('c.theme_id', '=', themeId)
    .where('c.state', '=', 'draft')
    .orderBy('c.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function answersOf(db: Kysely<DB>, contributionIds: string[]): Promise<AnswerRow[]> {
  if (contributionIds.length === 0) return [];
  return db
    .selectFrom('answer as a')
    .innerJoin('question as q', 'q.id', 'a.question_id')
    .select(['a.contribution_id', 'a.question_id', 'q.prompt', 'q.kind', 'a.text', 'a.choices', 'a.scale'])
    .where('a.contribution_id', 'in', contributionIds)
    .orderBy('q.position')
    .execute();
}

/** The round and, if it is in the round, the theme: what a meeting record checks before it writes. */
export function roundAndTheme(db: Kysely<DB>, roundId: string, themeId: string) {
  return db
    .selectFrom('round as r')
    .leftJoin('round_theme as rt', (j) => j.onRef('rt.round_id', '=', 'r.id').on('rt.theme_id', '=', themeId))
    .leftJoin('theme as t', 't.id', 'rt.theme_id')
    .select(['r.id', 'r.state', 'r.title', 't.id as theme_id', 't.title as theme_title'])
    .where('r.id', '=', roundId)
    .executeTakeFirst();
}

/**
 * Everything a form save checks, in one query (submits come in bursts): the round, the theme if it is
 * in the round, and that theme's questions in order.
 */
export async function formContext(db: Kysely<DB>, roundId: string, themeId: string) {
  const row = await db
    .selectFrom('round as r')
    .leftJoin('round_theme as rt', (j) => j.onRef('rt.round_id', '=', 'r.id').on('rt.theme_id', '=', themeId))
    .leftJoin('theme as t', 't.id', 'rt.theme_id')
    .select((eb) => [
      'r.state',
      'r.title',
      't.id as theme_id',
      't.title as theme_title',
      eb
        .selectFrom('question as q')
        .select(
          sql<Question[]>`coalesce(json_agg(json_build_object(
            'id', q.id, 'themeId', q.theme_id, 'position', q.position, 'kind', q.kind, 'prompt', q.prompt,
            'help', q.help, 'options', q.options, 'required', q.required) ORDER BY q.position), '[]')`.as(
            'q',
          ),
        )
        .whereRef('q.round_id', '=', 'r.id')
        .whereRef('q.theme_id', '=', 'rt.theme_id')
        .as('questions'),
    ])
    .where('r.id', '=', roundId)
    .executeTakeFirst();
  return row && { ...row, questions: row.questions ?? [] };
}

export function findOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'type']).where('id', '=', id).executeTakeFirst();
}

// ── Writes ──────────────────────────────────────────────────────────────

export type ContributionWrite = {
  roundId: string;
  themeId: string;
  authorId: string;
  clientKey: string;
  organisationId: string | null;
  visibility: Visibility;
  body: string;
  at: Date;
};

export type FormWrite = ContributionWrite & {
  answers: AnswerWrite[];
  /** Submitting (else saving a draft); the audit entry of a submit lands in the same statement. */
  submit: { audit: { organisationId: string; details: Record<string, unknown> } } | null;
};

/**
 * Saves a form in one statement (atomic, and one round trip: submits come in bursts). It creates the
 * row for this client key, or, while that is still a draft of the same form, brings it up to date;
 * then the answers, and for a submit its audit entry. The round must be open at that very moment.
 *
 * Nothing comes back when the round is no longer open, the key is already submitted, or the key
 * belongs to another form: the unique index makes a repeated submit the same row, never a second one.
 */
export async function saveByKey(
  db: Kysely<DB>,
  w: FormWrite,
): Promise<{ id: string; inserted: boolean; created_at: Date } | undefined> {
  const state = w.submit ? 'submitted' : 'draft';
  const answers = JSON.stringify(
    w.answers.map((a) => ({ question_id: a.questionId, text: a.text, choices: a.choices, scale: a.scale })),
  );
  const questionIds = w.answers.map((a) => a.questionId);
  // Written as the audit helper (audit/audit.ts) writes it, inside the statement of the change.
  const audited = w.submit
    ? sql`, logged AS (
        INSERT INTO audit_event (at, actor_id, action, subject_type, subject_id, organisation_id, details)
        SELECT ${w.at}::timestamptz, ${w.authorId}::uuid, 'contribution.submitted', 'contribution', c.id::text,
               ${w.submit.audit.organisationId}::uuid, ${JSON.stringify(w.submit.audit.details)}::jsonb
          FROM c)`
    : sql``;
  const { rows } = await sql<{ id: string; inserted: boolean; created_at: Date }>`
    WITH c AS (
      INSERT INTO contribution AS k (round_id, theme_id, author_id, client_key, organisation_id, visibility,
                                     source, state, body, created_at, updated_at, submitted_at)
      SELECT r.id, ${w.themeId}::uuid, ${w.authorId}::uuid, ${w.clientKey}, ${w.organisationId}::uuid,
             ${w.visibility}, 'form', ${state}, ${w.body}, ${w.at}::timestamptz, ${w.at}::timestamptz,
             ${w.submit ? w.at : null}::timestamptz
        FROM round r
       WHERE r.id = ${w.roundId}::uuid AND r.state = 'open'
      ON CONFLICT (author_id, client_key) DO UPDATE
         SET state = excluded.state, organisation_id = excluded.organisation_id,
             visibility = excluded.visibility, body = excluded.body,
             updated_at = excluded.updated_at, submitted_at = excluded.submitted_at
       WHERE k.state = 'draft' AND k.round_id = excluded.round_id AND k.theme_id = excluded.theme_id
      -- xmax is 0 on a row this statement inserted, and set on one it updated.
      RETURNING k.id, k.created_at, (k.xmax = 0) AS inserted
    ), gone AS (
      DELETE FROM answer a USING c
       WHERE a.contribution_id = c.id AND NOT c.inserted AND a.question_id <> ALL(${questionIds}::uuid[])
    ), kept AS (
      INSERT INTO answer (contribution_id, question_id, text, choices, scale)
      SELECT c.id, x.question_id, x.text, x.choices, x.scale
        FROM c, jsonb_to_recordset(${answers}::jsonb) AS x(question_id uuid, text text, choices jsonb, scale int)
      ON CONFLICT (contribution_id, question_id) DO UPDATE
         SET text = excluded.text, choices = excluded.choices, scale = excluded.scale
    )${audited}
    SELECT id, created_at, inserted FROM c`.execute(db);
  return rows[0];
}

export type MeetingWrite = Omit<ContributionWrite, 'visibility'> & {
  organisationId: string;
  meetingDate: string;
  meetingSource: string;
};

/** Input heard in a meeting; nothing comes back when this recorder already used the client key. */
export function insertMeetingInput(trx: Kysely<DB>, w: MeetingWrite) {
  return trx
    .insertInto('contribution')
    .values({
      round_id: w.roundId,
      theme_id: w.themeId,
      author_id: w.authorId,
      client_key: w.clientKey,
      organisation_id: w.organisationId,
      visibility: 'organisation',
      source: 'meeting',
      meeting_date: w.meetingDate,
      meeting_source: w.meetingSource,
      state: 'submitted',
      body: w.body,
      created_at: w.at,
      updated_at: w.at,
      submitted_at: w.at,
    })
    .onConflict((oc) => oc.columns(['author_id', 'client_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function updateContribution(
  trx: Kysely<DB>,
  id: string,
  change: { organisationId: string | null; visibility: Visibility; body: string; at: Date },
) {
  return trx
    .updateTable('contribution')
    .set({
      organisation_id: change.organisationId,
      visibility: change.visibility,
      body: change.body,
      updated_at: change.at,
    })
    .where('id', '=', id)
    .execute();
}

export type AnswerWrite = { questionId: string; text: string; choices: string[]; scale: number | null };

export async function writeAnswers(trx: Kysely<DB>, id: string, answers: AnswerWrite[]) {
  await trx.deleteFrom('answer').where('contribution_id', '=', id).execute();
  if (answers.length === 0) return;
  await trx
    .insertInto('answer')
    .values(
      answers.map((a) => ({
        contribution_id: id,
        question_id: a.questionId,
        text: a.text,
        choices: JSON.stringify(a.choices),
        scale: a.scale,
      })),
    )
    .execute();
}

/** Erasure: the contributions stay, without their author. */
export async function forgetAuthor(trx: Kysely<DB>, personId: string) {
  await trx.updateTable('contribution').set({ author_id: null }).where('author_id', '=', personId).execute();
}

// ── Lists ───────────────────────────────────────────────────────────────

export function listMine(db: Kysely<DB>, authorId: string, page: { limit: number; offset: number }) {
  return rows(db)
    .where('c.author_id', '=', authorId)
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countMine(db: Kysely<DB>, authorId: string) {
  const row = await db
    .selectFrom('contribution')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', authorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type ContributionFilter = {
  roundId?: string;
  themeId?: string;
  group?: OrganisationType;
  organisationId?: string;
  /** Days in Europe/Amsterdam, both included. */
  from?: string;
  to?: string;
  q?: string;
  /**
   * False for anyone outside the programme team: filtering by group or organisation then leaves out
   * anonymous contributions, or the filter itself would tell whose they are.
   */
  anonymousByOrganisation: boolean;
};

function submitted(db: Kysely<DB>, f: ContributionFilter) {
  let query = rows(db).where('c.state', '=', 'submitted');
  if (f.roundId) query = query.where('c.round_id', '=', f.roundId);
  if (f.themeId) query = query.where('c.theme_id', '=', f.themeId);
  if (f.group) query = query.where('o.type', '=', f.group);
  if (f.organisationId) query = query.where('c.organisation_id', '=', f.organisationId);
  if ((f.group || f.organisationId) && !f.anonymousByOrganisation)
    query = query.where('c.visibility', '!=', 'anonymous');
  if (f.from)
    query = query.where(
      'c.submitted_at',
      '>=',
      sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`,
    );
  if (f.to)
    query = query.where(
      'c.submitted_at',
      '<',
      sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'`,
    );
  // Only the text is searched, never a name: the body holds what was said, not who said it.
  if (f.q) query = query.where(matchesDutch(sql.ref('c.search'), f.q));
  return query;
}

/** A page of submitted contributions: best match first when searching, else newest first. */
export function listSubmitted(
  db: Kysely<DB>,
  f: ContributionFilter,
  page: { limit: number; offset: number },
) {
  let query = submitted(db, f);
  if (f.q) query = query.orderBy(sql`ts_rank(c.search, ${dutchQuery(f.q)})`, 'desc');
  return query
    .orderBy('c.submitted_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countSubmitted(db: Kysely<DB>, f: ContributionFilter) {
  const row = await submitted(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where the previous export batch ended: submitted_at as PostgreSQL wrote it (microseconds), and id. */
export type ExportCursor = { at: string; id: string };

/** The next batch of an export, oldest first, after `cursor` (a keyset: no rows skipped or repeated). */
export function exportBatch(
  db: Kysely<DB>,
  f: ContributionFilter,
  cursor: ExportCursor | null,
  limit: number,
) {
  let query = submitted(db, f).select(sql<string>`c.submitted_at::text`.as('cursor_at'));
  if (cursor)
    query = query.where(
      sql<boolean>`(c.submitted_at, c.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  return query.orderBy('c.submitted_at').orderBy('c.id').limit(limit).execute();
}
