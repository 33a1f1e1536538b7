// SQL for the consolidated responses of invited organisations, their answers, presence and contacts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Roles whose members write an organisation's response, and so are its contacts for the programme team. */
export const CONTACT_ROLES = ['gemeente_ambtenaar', 'ketenpartner', 'adviesraad_lid'] as const;

/**
 * Pairs of (round, organisation asked for one consolidated response). The one place this rule lives:
 * every gemeente when the round asks the group gemeente_ambtenaar, plus every organisation the round
 * names in its audience, whatever its type.
 */
function invitations(db: Kysely<DB>) {
  return db
    .selectFrom('round as r')
    .innerJoin('organisation as o', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([
            eb('o.type', '=', 'gemeente'),
            eb.exists(
              eb
                .selectFrom('round_audience as a')
                .select('a.round_id')
                .whereRef('a.round_id', '=', 'r.id')
                .where('a.audience', '=', 'group')
                .where('a.role', '=', 'gemeente_ambtenaar'),
            ),
          ]),
          eb.exists(
            eb
              .selectFrom('round_audience as a')
              .select('a.round_id')
              .whereRef('a.round_id', '=', 'r.id')
              .where('a.audience', '=', 'organisation')
              .whereRef('a.organisation_id', '=', 'o.id'),
          ),
        ]),
      ),
    );
}

/** The organisations a round asks for a consolidated response, by name. */
export function invitedOrganisations(db: Kysely<DB>, roundId: string) {
  return invitations(db)
    .select(['o.id', 'o.name', 'o.type'])
    .where('r.id', '=', roundId)
    .orderBy('o.name')
    .execute();
}

export function invitedOrganisation(db: Kysely<DB>, roundId: string, organisationId: string) {
  return invitations(db)
    .select(['o.id', 'o.name', 'o.type'])
    .where('r.id', '=', roundId)
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
}

/** For these organisations: the rounds past draft that ask them for a response, newest first. */
export function invitationsFor(db: Kysely<DB>, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return invitations(db)
    .select(['r.id as round_id', 'r.state as round_state', 'o.id', 'o.name'])
    .where('o.id', 'in', organisationIds)
    .where('r.state', '!=', 'draft')
    .orderBy('r.opens_on', 'desc')
    .orderBy('r.id')
    .orderBy('o.name')
    .execute();
}

// Answers that say something: an emptied text box is not an answer.
const answered = sql<number>`count(ra.question_id) FILTER (WHERE btrim(ra.text) <> '' OR ra.choices <> '[]'::jsonb OR ra.scale IS NOT NULL)::int`;

const responseColumns = [
  'g.id',
  'g.round_id',
  'g.organisation_id',
  'g.state',
  'g.submitted_at',
  'g.reopened_reason',
  'g.last_activity_at',
  'sp.name as submitted_by_name',
] as const;

/** Responses with how many questions they answer; for one round, or for (round, organisation) pairs. */
export function responsesWithCounts(
  db: Kysely<DB>,
  where: { roundIds: string[]; organisationIds?: string[] },
) {
  if (where.roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('gemeente_response as g')
    .leftJoin('person as sp', 'sp.id', 'g.submitted_by')
    .leftJoin('response_answer as ra', 'ra.response_id', 'g.id')
    .select([...responseColumns, answered.as('answered')])
    .where('g.round_id', 'in', where.roundIds)
    .$if(Boolean(where.organisationIds), (q) => q.where('g.organisation_id', 'in', where.organisationIds!))
    .groupBy(['g.id', 'sp.name'])
    .execute();
}

export async function findResponse(db: Kysely<DB>, roundId: string, organisationId: string) {
  const [row] = await responsesWithCounts(db, { roundIds: [roundId], organisationIds: [organisationId] });
  return row;
}

/** Creates the (drafting) response row when there is none yet: on the first save or heartbeat. */
export async function ensureResponse(trx: Kysely<DB>, roundId: string, organisationId: string, at: Date) {
  await trx
    .insertInto('gemeente_response')
    .values({ round_id: roundId, organisation_id: organisationId, created_at: at, last_activity_at: at })
    .onConflict((oc) => oc.columns(['round_id', 'organisation_id']).doNothing())
    .execute();
}

/**
 * The response row, locked for the rest of the transaction: saves, submit and reopen of one response
 * take turns, so a version check or a lock cannot race.
 */
export function lockResponse(trx: Kysely<DB>, roundId: string, organisationId: string) {
  return trx
    .selectFrom('gemeente_response')
    .select(['id', 'state'])
    .where('round_id', '=', roundId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The round's state, held (shared) until commit, so the round cannot close halfway through a save. */
export async function roundStateHeld(trx: Kysely<DB>, roundId: string) {
  const row = await trx
    .selectFrom('round')
    .select(['state', 'title', 'closes_on'])
    .where('id', '=', roundId)
    .forShare()
    .executeTakeFirst();
  return row;
}

function answerRows(db: Kysely<DB>) {
  return db
    .selectFrom('response_answer as ra')
    .leftJoin('person as p', 'p.id', 'ra.updated_by')
    .select([
      'ra.response_id',
      'ra.question_id',
      'ra.text',
      'ra.choices',
      'ra.scale',
      'ra.version',
      'ra.updated_by',
      'ra.updated_at',
      'p.name as updated_by_name',
    ]);
}

export type AnswerRow = NonNullable<Awaited<ReturnType<typeof answerOf>>>;

export function answersOf(db: Kysely<DB>, responseId: string) {
  return answerRows(db).where('ra.response_id', '=', responseId).execute();
}

export function answerOf(db: Kysely<DB>, responseId: string, questionId: string) {
  return answerRows(db)
    .where('ra.response_id', '=', responseId)
    .where('ra.question_id', '=', questionId)
    .executeTakeFirst();
}

export type AnswerWrite = {
  responseId: string;
  questionId: string;
  text: string;
  choices: string[];
  scale: number | null;
  personId: string;
  at: Date;
};

/** The first answer to a question (version 1); nothing when someone else wrote one first. */
export async function insertFirstAnswer(trx: Kysely<DB>, a: AnswerWrite): Promise<boolean> {
  const rows = await trx
    .insertInto('response_answer')
    .values({
      response_id: a.responseId,
      question_id: a.questionId,
      text: a.text,
      choices: JSON.stringify(a.choices),
      scale: a.scale,
      version: 1,
      updated_by: a.personId,
      updated_at: a.at,
    })
    .onConflict((oc) => oc.columns(['response_id', 'question_id']).doNothing())
    .returning('version')
    .execute();
  return rows.length > 0;
}

/** Writes the answer only if it is still at `baseVersion`; false when someone else saved in between. */
export async function updateAnswerFrom(
  trx: Kysely<DB>,
  a: AnswerWrite,
  baseVersion: number,
): Promise<boolean> {
  const rows = await trx
    .updateTable('response_answer')
    .set((eb) => ({
      text: a.text,
      choices: JSON.stringify(a.choices),
      scale: a.scale,
      version: eb('version', '+', 1),
      updated_by: a.personId,
      updated_at: a.at,
    }))
    .where('response_id', '=', a.responseId)
    .where('question_id', '=', a.questionId)
    .where('version', '=', baseVersion)
    .returning('version')
    .execute();
  return rows.length > 0;
}

export async function touchResponse(trx: Kysely<DB>, responseId: string, at: Date) {
  await trx
    .updateTable('gemeente_response')
    .set({ last_activity_at: at })
    .where('id', '=', responseId)
    .execute();
}

export async function markSubmitted(trx: Kysely<DB>, responseId: string, personId: string, at: Date) {
  await trx
    .updateTable('gemeente_response')
    .set({ state: 'submitted', submitted_by: personId, submitted_at: at, last_activity_at: at })
    .where('id', '=', responseId)
    .execute();
}

export async function markReopened(trx: Kysely<DB>, responseId: string, reason: string, at: Date) {
  await trx
    .updateTable('gemeente_response')
    .set({
      state: 'drafting',
      submitted_by: null,
      submitted_at: null,
      reopened_reason: reason,
      last_activity_at: at,
    })
    .where('id', '=', responseId)
    .execute();
}

export async function recordPresence(trx: Kysely<DB>, responseId: string, personId: string, at: Date) {
  await trx
    .insertInto('response_presence')
    .values({ response_id: responseId, person_id: personId, seen_at: at })
    .onConflict((oc) => oc.columns(['response_id', 'person_id']).doUpdateSet({ seen_at: at }))
    .execute();
}

/** Who else has had the response open since `since`, by name. */
export function presentSince(db: Kysely<DB>, responseId: string, since: Date, exceptPersonId: string) {
  return db
    .selectFrom('response_presence as rp')
    .innerJoin('person as p', 'p.id', 'rp.person_id')
    .select(['p.id as personId', 'p.name'])
    .where('rp.response_id', '=', responseId)
    .where('rp.seen_at', '>', since)
    .where('rp.person_id', '!=', exceptPersonId)
    .where('p.erased_at', 'is', null)
    .orderBy('p.name')
    .execute();
}

/** The people who write these organisations' responses, with how they want to hear from Inbreng. */
export function contactsOf(db: Kysely<DB>, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.organisation_id', 'p.id', 'p.name', 'p.email', 'p.locale', 'p.notify'])
    .where('m.organisation_id', 'in', organisationIds)
    .where('m.role', 'in', CONTACT_ROLES)
    .where('p.erased_at', 'is', null)
    .distinctOn(['m.organisation_id', 'p.id'])
    .orderBy('m.organisation_id')
    .orderBy('p.id')
    .execute();
}

/** Everyone who saved an answer of this response (they may have left the organisation since). */
export function editorsOf(db: Kysely<DB>, responseId: string) {
  return db
    .selectFrom('response_answer as ra')
    .innerJoin('person as p', 'p.id', 'ra.updated_by')
    .select(['p.id', 'p.name', 'p.email', 'p.locale', 'p.notify'])
    .where('ra.response_id', '=', responseId)
    .where('p.erased_at', 'is', null)
    .distinct()
    .execute();
}

/** Which of these job dedupe keys are taken already (a reminder sent earlier today). */
export async function takenJobKeys(db: Kysely<DB>, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('job').select('dedupe_key').where('dedupe_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.dedupe_key!));
}

/** Erasure: the person no longer shows as who saved or submitted, and their presence goes. */
export async function forgetPerson(trx: Kysely<DB>, personId: string) {
  await trx
    .updateTable('response_answer')
    .set({ updated_by: null })
    .where('updated_by', '=', personId)
    .execute();
  await trx
    .updateTable('gemeente_response')
    .set({ submitted_by: null })
    .where('submitted_by', '=', personId)
    .execute();
  await trx.deleteFrom('response_presence').where('person_id', '=', personId).execute();
}
