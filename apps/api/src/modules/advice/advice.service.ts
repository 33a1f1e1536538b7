// The councils' formal advice: a member of a council (adviesraad) gives the council's advice on the
// plan for a milestone, once, as numbered points with an optional PDF or DOCX; everyone signed in may
// read it; the programme team answers every point, and when the last point is answered the council's
// members hear so. Every write is one transaction.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  adviceTakenLabels,
  AdviceSubmit,
  type AdviceDetail,
  type AdviceList,
  type AdviceResponsesInput,
  type AdviceSummary,
  type AdviceTaken,
} from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import { amsterdamToday } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCan, can, type Actor } from '../../access/policy.ts';
import { audit } from '../audit/audit.ts';
import { findPlan } from '../plans/plans.queries.ts';
import { cleanFileName, contentTypeOf, sniffAttachment, tooLarge } from './advice.files.ts';
import { queueAdviceAnsweredMails } from './advice.mails.ts';

type Deps = {
  db: Kysely<DB>;
  now: () => Date;
  baseUrl: () => string;
  /** Store attachments as files here instead of in the database. */
  uploadDir?: string;
  maxAttachmentBytes: number;
};

export type AdviceFile = { fileName: string; bytes: Uint8Array };
export type AdviceSubmitInput = AdviceSubmit & { organisationId?: string };

const NOT_FOUND = 'Dit advies bestaat niet (meer).';
const iso = (d: Date) => d.toISOString();

function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('advice as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .innerJoin('milestone as m', 'm.id', 'a.milestone_id')
    .leftJoin('person as p', 'p.id', 'a.submitted_by')
    .leftJoin('advice_attachment as f', 'f.advice_id', 'a.id')
    .select([
      'a.id',
      'a.plan_id',
      'a.organisation_id',
      'o.name as council',
      'a.milestone_id',
      'm.title as milestone_title',
      sql<string>`to_char(m.date, 'YYYY-MM-DD')`.as('milestone_date'),
      'm.body as milestone_body',
      'a.submitted_by',
      'p.name as submitter_name',
      'a.submitted_at',
      'a.completed_at',
      'a.summary',
      'f.file_name',
      'f.kind',
      'f.size',
      (eb) =>
        eb
          .selectFrom('advice_point as pt')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('pt.advice_id', '=', 'a.id')
          .as('points'),
      (eb) =>
        eb
          .selectFrom('advice_point as pt')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('pt.advice_id', '=', 'a.id')
          .where('pt.taken', 'is not', null)
          .as('answered'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): AdviceSummary {
  const points = Number(r.points ?? 0);
  const answered = Number(r.answered ?? 0);
  return {
    id: r.id,
    planId: r.plan_id,
    council: { id: r.organisation_id, name: r.council },
    milestone: {
      id: r.milestone_id,
      title: r.milestone_title,
      date: r.milestone_date,
      body: r.milestone_body,
    },
    submittedBy: r.submitted_by ? { id: r.submitted_by, name: r.submitter_name } : null,
    submittedAt: iso(r.submitted_at),
    pointCount: points,
    answeredCount: answered,
    complete: points > 0 && answered === points,
    completedAt: r.completed_at ? iso(r.completed_at) : null,
    attachment:
      r.file_name && r.kind && r.size
        ? {
            fileName: r.file_name,
            kind: r.kind,
            contentType: contentTypeOf(r.kind),
            size: r.size,
            href: `/api/advice/${r.id}/attachment`,
          }
        : null,
  };
}

/** The councils this person sits on (as adviesraad_lid of an organisation of type adviesraad). */
async function councilsOf(db: Kysely<DB>, actor: Actor) {
  const ids = actor.memberships.filter((m) => m.role === 'adviesraad_lid').map((m) => m.organisationId);
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .where('type', '=', 'adviesraad')
    .orderBy('name')
    .execute();
}

export function createAdviceService({ db, now, baseUrl, uploadDir, maxAttachmentBytes }: Deps) {
  async function detail(actor: Actor, adviceId: string): Promise<AdviceDetail> {
    const row = await summaryQuery(db).where('a.id', '=', adviceId).executeTakeFirst();
    if (!row) throw notFound(NOT_FOUND);
    const points = await db
      .selectFrom('advice_point as pt')
      .leftJoin('person as p', 'p.id', 'pt.responded_by')
      .select([
        'pt.id',
        'pt.number',
        'pt.text',
        'pt.taken',
        'pt.what',
        'pt.why',
        'pt.responded_by',
        'p.name as responder_name',
        'pt.responded_at',
      ])
      .where('pt.advice_id', '=', adviceId)
      .orderBy('pt.number')
      .execute();
    return {
      ...toSummary(row),
      summary: row.summary,
      points: points.map((pt) => ({
        id: pt.id,
        number: pt.number,
        text: pt.text,
        response:
          pt.taken && pt.responded_at
            ? {
                taken: pt.taken,
                takenLabel: adviceTakenLabels[pt.taken],
                what: pt.what,
                why: pt.why,
                by: pt.responded_by ? { id: pt.responded_by, name: pt.responder_name } : null,
                at: iso(pt.responded_at),
              }
            : null,
      })),
      canRespond: can(actor, 'advice:respond'),
    };
  }

  /** The council this advice is given for: the one named, or the only one the person sits on. */
  async function councilFor(actor: Actor, organisationId: string | undefined) {
    const councils = await councilsOf(db, actor);
    if (organisationId) {
      assertCan(actor, 'advice:submit', { organisationId });
      const council = councils.find((c) => c.id === organisationId);
      if (!council) throw new AppError('FORBIDDEN', 'Alleen een adviesraad kan formeel advies uitbrengen.');
      return council;
    }
    if (councils.length === 1) return councils[0]!;
    if (councils.length === 0) {
      throw new AppError('FORBIDDEN', 'Alleen leden van een adviesraad kunnen formeel advies uitbrengen.');
    }
    throw new AppError('VALIDATION', undefined, {
      organisationId: 'U zit in meer dan één adviesraad. Kies namens welke u advies uitbrengt.',
    });
  }

  async function storeFile(adviceId: string, file: AdviceFile) {
    const kind = sniffAttachment(file.bytes);
    const row = {
      advice_id: adviceId,
      file_name: cleanFileName(file.fileName, kind),
      kind,
      size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
    if (!uploadDir)
      return { row: { ...row, data: Buffer.from(file.bytes), storage_key: null }, written: undefined };
    // Our own name on disk, never the council's: no path in it can lead anywhere else.
    const key = `${randomUUID()}.${kind}`;
    const written = path.join(uploadDir, key);
    await fs.mkdir(uploadDir, { recursive: true });
    await fs.writeFile(written, file.bytes, { flag: 'wx', mode: 0o600 });
    return { row: { ...row, data: null, storage_key: key }, written };
  }

  return {
    detail,

    async list(actor: Actor, reference: string): Promise<AdviceList> {
      const plan = await findPlan(db, reference);
      if (!plan) throw notFound('Dit plan bestaat niet (meer).');
      const [rows, councils] = await Promise.all([
        summaryQuery(db)
          .where('a.plan_id', '=', plan.id)
          .orderBy('a.submitted_at')
          .orderBy('o.name')
          .execute(),
        councilsOf(db, actor),
      ]);
      return { items: rows.map(toSummary), mayAdviseFor: councils };
    },

    async submit(
      actor: Actor,
      reference: string,
      input: AdviceSubmitInput,
      file: AdviceFile | undefined,
    ): Promise<AdviceDetail> {
      const at = now();
      const plan = await findPlan(db, reference);
      if (!plan) throw notFound('Dit plan bestaat niet (meer).');
      const council = await councilFor(actor, input.organisationId);
      const advice = AdviceSubmit.parse(input);
      if (file && file.bytes.byteLength > maxAttachmentBytes) throw tooLarge(maxAttachmentBytes);
      if (file && file.bytes.byteLength === 0) {
        throw new AppError('VALIDATION', undefined, { attachment: 'Het bestand is leeg.' });
      }
      const adviceId = randomUUID();
      let written: string | undefined;
      try {
        await db.transaction().execute(async (trx) => {
          const milestone = await trx
            .selectFrom('milestone')
            .select(['id', sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date')])
            .where('id', '=', advice.milestoneId)
            .where('plan_id', '=', plan.id)
            .executeTakeFirst();
          if (!milestone) {
            throw new AppError('VALIDATION', undefined, {
              milestoneId: 'Deze mijlpaal hoort niet bij dit plan.',
            });
          }
          if (milestone.date < amsterdamToday(at)) {
            throw new AppError('VALIDATION', undefined, {
              milestoneId: 'Deze mijlpaal is al geweest. Kies een mijlpaal die nog komt.',
            });
          }
          // One advice per council and milestone; a second one waits on the first and finds it.
          await sql`SELECT pg_advisory_xact_lock(hashtext(${`advice:${plan.id}:${council.id}:${milestone.id}`}))`.execute(
            trx,
          );
          const given = await trx
            .selectFrom('advice')
            .select('id')
            .where('plan_id', '=', plan.id)
            .where('organisation_id', '=', council.id)
            .where('milestone_id', '=', milestone.id)
            .executeTakeFirst();
          if (given) {
            throw new AppError(
              'CONFLICT',
              `De ${council.name} heeft voor deze mijlpaal al advies uitgebracht. Neem contact op met het programmateam als er iets moet worden aangevuld.`,
            );
          }
          await trx
            .insertInto('advice')
            .values({
              id: adviceId,
              plan_id: plan.id,
              organisation_id: council.id,
              milestone_id: milestone.id,
              summary: advice.summary,
              submitted_by: actor.personId,
              submitted_at: at,
            })
            .execute();
          await trx
            .insertInto('advice_point')
            .values(advice.points.map((p, i) => ({ advice_id: adviceId, number: i + 1, text: p.text })))
            .execute();
          if (file) {
            const stored = await storeFile(adviceId, file);
            written = stored.written;
            await trx
              .insertInto('advice_attachment')
              .values({ ...stored.row, created_at: at })
              .execute();
          }
          await audit(trx, {
            actorId: actor.personId,
            action: 'advice.submitted',
            subjectType: 'advice',
            subjectId: adviceId,
            organisationId: council.id,
            details: {
              planId: plan.id,
              milestoneId: milestone.id,
              points: advice.points.length,
              attachment: file ? sniffAttachment(file.bytes) : null,
            },
            at,
          });
        });
      } catch (error) {
        // The file on disk belongs to a transaction that did not happen.
        if (written) await fs.rm(written, { force: true });
        throw error;
      }
      return detail(actor, adviceId);
    },

    async respond(actor: Actor, adviceId: string, input: AdviceResponsesInput): Promise<AdviceDetail> {
      const at = now();
      await db.transaction().execute(async (trx) => {
        const advice = await trx
          .selectFrom('advice')
          .select(['id', 'organisation_id', 'completed_at'])
          .where('id', '=', adviceId)
          .forUpdate()
          .executeTakeFirst();
        if (!advice) throw notFound(NOT_FOUND);
        const points = await trx
          .selectFrom('advice_point')
          .select(['id', 'taken'])
          .where('advice_id', '=', adviceId)
          .execute();
        const known = new Set(points.map((p) => p.id));
        const fields: Record<string, string> = {};
        input.responses.forEach((r, i) => {
          if (!known.has(r.pointId)) fields[`responses.${i}.pointId`] = 'Dit punt hoort niet bij dit advies.';
        });
        if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', undefined, fields);
        for (const r of input.responses) {
          await trx
            .updateTable('advice_point')
            .set({
              taken: r.taken as AdviceTaken,
              what: r.what ?? '',
              why: r.why ?? '',
              responded_by: actor.personId,
              responded_at: at,
            })
            .where('id', '=', r.pointId)
            .execute();
        }
        const answered = new Set([
          ...points.filter((p) => p.taken !== null).map((p) => p.id),
          ...input.responses.map((r) => r.pointId),
        ]);
        const completes = answered.size === points.length && advice.completed_at === null;
        if (completes) {
          await trx.updateTable('advice').set({ completed_at: at }).where('id', '=', adviceId).execute();
        }
        await audit(trx, {
          actorId: actor.personId,
          action: 'advice.responded',
          subjectType: 'advice',
          subjectId: adviceId,
          organisationId: advice.organisation_id,
          details: { points: input.responses.length, complete: answered.size === points.length },
          at,
        });
        // Told once, when the last point gets its answer; later corrections do not mail again.
        if (completes) await queueAdviceAnsweredMails(trx, { adviceId, at, baseUrl: baseUrl() });
      });
      return detail(actor, adviceId);
    },

    /** The stored file, for download. */
    async attachment(adviceId: string) {
      const file = await db
        .selectFrom('advice_attachment')
        .select(['file_name', 'kind', 'size', 'data', 'storage_key'])
        .where('advice_id', '=', adviceId)
        .executeTakeFirst();
      if (!file) throw notFound('Bij dit advies hoort geen bijlage.');
      const bytes =
        file.data ??
        (uploadDir && file.storage_key
          ? await fs.readFile(path.join(uploadDir, path.basename(file.storage_key)))
          : null);
      if (!bytes) throw notFound('De bijlage van dit advies is niet (meer) beschikbaar.');
      return { fileName: file.file_name, kind: file.kind, bytes: Buffer.from(bytes) };
    },
  };
}

/** Erasure: the advice and the answers stay; who gave or answered them becomes unknown. */
export async function forgetAdvicePerson(trx: Kysely<DB>, personId: string): Promise<void> {
  await trx.updateTable('advice').set({ submitted_by: null }).where('submitted_by', '=', personId).execute();
  await trx
    .updateTable('advice_point')
    .set({ responded_by: null })
    .where('responded_by', '=', personId)
    .execute();
}
