// Input by staff, councils and ketenpartners: the form per theme, autosaved drafts, idempotent submits
// (the client key and its unique index make a repeated submit the same row), changes until the round
// closes, "Mijn inbreng", input heard in meetings, and finding input. Who gave what is shown only as
// contributions.visibility.ts decides.
//
// A form save (draft or submit) is one statement that writes only if the round is open at that moment;
// no lock is held on the round, so hundreds of simultaneous submits do not queue on one row. A change
// (PATCH) checks the state just before its transaction: one that lands an instant after the round
// closed is the same moment to anyone.
import type {
  Contribution,
  ContributionEdit,
  ContributionExportQuery,
  ContributionQuery,
  ContributionSave,
  MeetingInput,
  Membership,
  Page,
  PageQuery,
  Question,
  SavedDraft,
  ThemeForm,
} from '@inbreng/shared';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import { assertCan, can } from '../../access/policy.ts';
import { amsterdamToday } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { SignedInActor } from '../../plugins/access.ts';
import type { EventBus } from '../../plugins/events.ts';
import { audit } from '../audit/audit.ts';
import { askingMemberships, isProgrammeTeam, visibleRound } from '../rounds/audience.ts';
import { questionsOf, roundSummary } from '../rounds/rounds.queries.ts';
import { bodyOf, fitAnswers } from './contributions.answers.ts';
import { contributionsCsv } from './contributions.export.ts';
import * as q from './contributions.queries.ts';
import {
  mayFilterAnonymousByOrganisation,
  outsider,
  present,
  type Viewer,
} from './contributions.visibility.ts';

type Deps = { db: Kysely<DB>; now: () => Date; events: EventBus };

const NOT_FOUND = 'Deze inbreng bestaat niet, of u hebt er geen toegang toe.';
const ROUND_NOT_FOUND = 'Deze ronde bestaat niet (meer).';
const THEME_NOT_IN_ROUND = 'Dit thema hoort niet bij deze ronde.';
const ROUND_CLOSED = 'Deze ronde is gesloten. U kunt geen inbreng meer geven of wijzigen.';
const ALREADY_SUBMITTED = 'Deze inbreng is al ingediend; u kunt hem nog wijzigen via Mijn inbreng.';
const OTHER_FORM = 'Deze formuliersleutel hoort bij een ander formulier. Laad de pagina opnieuw.';
const NOT_ASKING_ORGANISATION = 'Kies een organisatie waarvoor deze ronde u om inbreng vraagt.';

const viewerOf = (actor: SignedInActor): Viewer => ({
  personId: actor.personId,
  team: isProgrammeTeam(actor),
});

/** The author always; and, once submitted, whoever may read input (the programme team, the councils). */
const mayRead = (row: q.ContributionRow, actor: SignedInActor) =>
  row.author_id === actor.personId || (row.state === 'submitted' && can(actor, 'contribution:read'));

/** The organisations through which this round asks the person, each once. */
async function askingOrganisations(db: Kysely<DB>, roundId: string, actor: SignedInActor) {
  const asking = new Set((await askingMemberships(db, roundId, actor)).map((m) => m.organisationId));
  const seen = new Set<string>();
  const memberships: Membership[] = actor.memberships;
  return memberships.filter((m) => {
    if (!asking.has(m.organisationId) || seen.has(m.organisationId)) return false;
    seen.add(m.organisationId);
    return true;
  });
}

export function createContributionsService({ db, now, events }: Deps) {
  async function view(row: q.ContributionRow, viewer: Viewer): Promise<Contribution> {
    return present(row, await q.answersOf(db, [row.id]), viewer);
  }

  async function page(rows: q.ContributionRow[], viewer: Viewer) {
    const answers = await q.answersOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => present(row, answers, viewer));
  }

  /** After a commit, for walls and lists that follow the round. Ids only: never who gave it. */
  function announce(roundId: string, id: string, themeId: string) {
    return events.publish({ topic: `round:${roundId}`, type: 'contribution', data: { id, themeId } });
  }

  /**
   * What a form save needs to know and may do: the round asks this person and is open, the theme is
   * in it, and the organisation is one through which the round asks them (by default the first).
   */
  async function formContext(actor: SignedInActor, input: ContributionSave) {
    const [round, organisations] = await Promise.all([
      q.formContext(db, input.roundId, input.themeId),
      askingOrganisations(db, input.roundId, actor),
    ]);
    if (!round || round.state === 'draft' || organisations.length === 0) throw notFound(ROUND_NOT_FOUND);
    if (round.state !== 'open') throw new AppError('CONFLICT', ROUND_CLOSED);
    if (!round.theme_id || !round.theme_title)
      throw new AppError('VALIDATION', THEME_NOT_IN_ROUND, { themeId: THEME_NOT_IN_ROUND });
    const organisation = input.organisationId
      ? organisations.find((m) => m.organisationId === input.organisationId)
      : organisations[0];
    if (!organisation)
      throw new AppError('VALIDATION', NOT_ASKING_ORGANISATION, { organisationId: NOT_ASKING_ORGANISATION });
    return { round: { ...round, theme_title: round.theme_title }, organisation, questions: round.questions };
  }

  /**
   * The submitted contribution an earlier request stored under this key for the same form, if any. A
   * repeated submit answers with it even when the form's checks would now fail (say the round closed
   * while the first answer was on its way).
   */
  async function earlier(actor: SignedInActor, key: { clientKey: string; roundId: string; themeId: string }) {
    const row = await q.findByKey(db, actor.personId, key.clientKey);
    const same = row && row.round_id === key.roundId && row.theme_id === key.themeId;
    return same && row.state === 'submitted' ? row : undefined;
  }

  /** Checks `check`; on failure, a repeat of an earlier submit still gets what that one stored. */
  async function checkedOrEarlier<T>(
    actor: SignedInActor,
    key: { clientKey: string; roundId: string; themeId: string },
    check: () => Promise<T>,
  ): Promise<{ checked: T } | { earlier: q.ContributionRow }> {
    try {
      return { checked: await check() };
    } catch (error) {
      const row = error instanceof AppError ? await earlier(actor, key) : undefined;
      if (row) return { earlier: row };
      throw error;
    }
  }

  /**
   * Why a save wrote nothing: the key was submitted already (a repeat: its row comes back), the round
   * closed between the checks and the write, or the key is another form's.
   */
  async function notWritten(actor: SignedInActor, input: ContributionSave) {
    const row = await earlier(actor, input);
    if (row) return row;
    const round = await q.roundAndTheme(db, input.roundId, input.themeId);
    throw new AppError('CONFLICT', round?.state === 'open' ? OTHER_FORM : ROUND_CLOSED);
  }

  return {
    async form(actor: SignedInActor, roundId: string, themeId: string): Promise<ThemeForm> {
      await visibleRound(db, roundId, actor);
      const [round, questions, draft, organisations] = await Promise.all([
        roundSummary(db, roundId),
        questionsOf(db, roundId, themeId),
        q.latestDraft(db, actor.personId, roundId, themeId),
        askingOrganisations(db, roundId, actor),
      ]);
      const theme = round?.themes.find((t) => t.id === themeId);
      if (!round || !theme) throw notFound(THEME_NOT_IN_ROUND);
      return {
        round,
        theme,
        questions,
        draft: draft ? { ...(await view(draft, viewerOf(actor))), clientKey: draft.client_key } : null,
        organisations: organisations.map((m) => ({ id: m.organisationId, name: m.organisationName })),
      };
    },

    /** Autosave: creates the draft for this client key or replaces its answers. */
    async saveDraft(actor: SignedInActor, input: ContributionSave): Promise<SavedDraft> {
      const { organisation, questions } = await formContext(actor, input);
      const answers = fitAnswers(questions, input.answers, false);
      const at = now();
      const saved = await q.saveByKey(db, {
        ...write(actor, input, organisation.organisationId, answers, at),
        answers,
        submit: null,
      });
      if (!saved) {
        await notWritten(actor, input);
        throw new AppError('CONFLICT', ALREADY_SUBMITTED);
      }
      return { id: saved.id, state: 'draft', savedAt: at.toISOString() };
    },

    /** Submits the form: created (201) the first time, the stored one (200) for every repeat. */
    async submit(
      actor: SignedInActor,
      input: ContributionSave,
    ): Promise<{ created: boolean; contribution: Contribution }> {
      const viewer = viewerOf(actor);
      const outcome = await checkedOrEarlier(actor, input, async () => {
        const context = await formContext(actor, input);
        return { ...context, answers: fitAnswers(context.questions, input.answers, true) };
      });
      if ('earlier' in outcome) return { created: false, contribution: await view(outcome.earlier, viewer) };
      const { round, organisation, questions, answers } = outcome.checked;
      const at = now();
      // One statement: the contribution, its answers and its audit entry land together or not at all.
      const saved = await q.saveByKey(db, {
        ...write(actor, input, organisation.organisationId, answers, at),
        answers,
        submit: {
          audit: {
            organisationId: organisation.organisationId,
            details: { roundId: input.roundId, themeId: input.themeId, visibility: input.visibility },
          },
        },
      });
      if (!saved) return { created: false, contribution: await view(await notWritten(actor, input), viewer) };
      await announce(input.roundId, saved.id, input.themeId);
      // Everything the reply shows is at hand: no need to read the row back.
      const row: q.ContributionRow = {
        id: saved.id,
        round_id: input.roundId,
        round_title: round.title,
        round_state: round.state,
        theme_id: input.themeId,
        theme_title: round.theme_title,
        state: 'submitted',
        source: 'form',
        visibility: input.visibility,
        author_id: actor.personId,
        author_name: actor.name,
        organisation_id: organisation.organisationId,
        organisation_name: organisation.organisationName,
        organisation_type: organisation.organisationType,
        meeting_date: null,
        meeting_source: null,
        client_key: input.clientKey,
        body: bodyOf(answers),
        created_at: saved.created_at,
        updated_at: at,
        submitted_at: at,
      };
      return { created: true, contribution: present(row, answerRows(saved.id, questions, answers), viewer) };
    },

    async get(actor: SignedInActor, id: string): Promise<Contribution> {
      const row = await q.findContribution(db, id);
      if (!row || !mayRead(row, actor)) throw notFound(NOT_FOUND);
      return view(row, viewerOf(actor));
    },

    /** Only its author changes a contribution, and only while the round is open. */
    async edit(actor: SignedInActor, id: string, input: ContributionEdit): Promise<Contribution> {
      const row = await q.findContribution(db, id);
      if (!row || !mayRead(row, actor)) throw notFound(NOT_FOUND);
      if (row.author_id !== actor.personId)
        throw new AppError('FORBIDDEN', 'Alleen wie deze inbreng gaf, kan hem wijzigen.');
      if (row.source === 'meeting')
        throw new AppError('CONFLICT', 'Inbreng uit een bijeenkomst kunt u niet via een formulier wijzigen.');
      if (row.round_state !== 'open')
        throw new AppError('CONFLICT', 'Deze ronde is gesloten. Uw inbreng kan niet meer worden gewijzigd.');
      let organisationId = row.organisation_id;
      if (input.organisationId && input.organisationId !== row.organisation_id) {
        const organisations = await askingOrganisations(db, row.round_id, actor);
        if (!organisations.some((m) => m.organisationId === input.organisationId))
          throw new AppError('VALIDATION', NOT_ASKING_ORGANISATION, {
            organisationId: NOT_ASKING_ORGANISATION,
          });
        organisationId = input.organisationId;
      }
      const submitted = row.state === 'submitted';
      const answers = fitAnswers(await questionsOf(db, row.round_id, row.theme_id), input.answers, submitted);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await q.updateContribution(trx, id, {
          organisationId,
          visibility: input.visibility,
          body: bodyOf(answers),
          at,
        });
        await q.writeAnswers(trx, id, answers);
        if (submitted)
          await audit(trx, {
            actorId: actor.personId,
            action: 'contribution.edited',
            subjectType: 'contribution',
            subjectId: id,
            organisationId,
            details: { roundId: row.round_id, themeId: row.theme_id, visibility: input.visibility },
            at,
          });
      });
      if (submitted) await announce(row.round_id, id, row.theme_id);
      return view((await q.findContribution(db, id))!, viewerOf(actor));
    },

    /** "Mijn inbreng": drafts and submitted, most recently changed first. */
    async mine(actor: SignedInActor, query: PageQuery): Promise<Page<Contribution>> {
      const { page: number, pageSize } = query;
      const [rows, total] = await Promise.all([
        q.listMine(db, actor.personId, { limit: pageSize, offset: (number - 1) * pageSize }),
        q.countMine(db, actor.personId),
      ]);
      return { items: await page(rows, viewerOf(actor)), page: number, pageSize, total };
    },

    /** Input heard in a meeting, recorded by the programme team on behalf of an organisation. */
    async recordMeeting(
      actor: SignedInActor,
      input: MeetingInput,
    ): Promise<{ created: boolean; contribution: Contribution }> {
      assertCan(actor, 'contribution:record_meeting');
      const viewer = viewerOf(actor);
      const outcome = await checkedOrEarlier(actor, input, async () => {
        const [round, organisation] = await Promise.all([
          q.roundAndTheme(db, input.roundId, input.themeId),
          q.findOrganisation(db, input.organisationId),
        ]);
        if (!round) throw notFound(ROUND_NOT_FOUND);
        if (round.state !== 'open' && round.state !== 'closed')
          throw new AppError(
            'CONFLICT',
            'Inbreng uit een bijeenkomst legt u vast bij een ronde die open of gesloten is.',
          );
        const fields: Record<string, string> = {};
        if (!round.theme_id) fields.themeId = THEME_NOT_IN_ROUND;
        if (!organisation) fields.organisationId = 'Deze organisatie bestaat niet (meer).';
        if (input.meetingDate > amsterdamToday(now()))
          fields.meetingDate = 'Deze datum ligt in de toekomst. Leg vast wat er al is gezegd.';
        if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', undefined, fields);
      });
      if ('earlier' in outcome) return { created: false, contribution: await view(outcome.earlier, viewer) };
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const row = await q.insertMeetingInput(trx, {
          roundId: input.roundId,
          themeId: input.themeId,
          authorId: actor.personId,
          clientKey: input.clientKey,
          organisationId: input.organisationId,
          meetingDate: input.meetingDate,
          meetingSource: input.meetingSource,
          body: input.text,
          at,
        });
        if (!row) return undefined;
        await audit(trx, {
          actorId: actor.personId,
          action: 'contribution.meeting_recorded',
          subjectType: 'contribution',
          subjectId: row.id,
          organisationId: input.organisationId,
          details: { roundId: input.roundId, themeId: input.themeId },
          at,
        });
        return row.id;
      });
      if (!id) {
        const row = await earlier(actor, input);
        if (!row || row.source !== 'meeting') throw new AppError('CONFLICT', OTHER_FORM);
        return { created: false, contribution: await view(row, viewer) };
      }
      await announce(input.roundId, id, input.themeId);
      return { created: true, contribution: await view((await q.findContribution(db, id))!, viewer) };
    },

    /** Finding input: submitted contributions by filter and Dutch full-text search. */
    async list(actor: SignedInActor, query: ContributionQuery): Promise<Page<Contribution>> {
      assertCan(actor, 'contribution:read');
      const viewer = viewerOf(actor);
      const filter = filterOf(query, viewer);
      const { page: number, pageSize } = query;
      const [rows, total] = await Promise.all([
        q.listSubmitted(db, filter, { limit: pageSize, offset: (number - 1) * pageSize }),
        q.countSubmitted(db, filter),
      ]);
      return { items: await page(rows, viewer), page: number, pageSize, total };
    },

    /** The CSV export, audited before a single row leaves. */
    async exportCsv(actor: SignedInActor, query: ContributionExportQuery): Promise<Readable> {
      assertCan(actor, 'contribution:export');
      // The file leaves the programme team: it is filtered and pseudonymised as an outsider sees it.
      const filter = filterOf(query, outsider);
      const rows = await q.countSubmitted(db, filter);
      await audit(db, {
        actorId: actor.personId,
        action: 'contribution.exported',
        // What was searched for may be a name; the log keeps only that there was a search.
        details: { filters: { ...query, q: query.q ? true : undefined }, rows },
        at: now(),
      });
      return contributionsCsv(db, filter);
    },
  };
}

function write(
  actor: SignedInActor,
  input: ContributionSave,
  organisationId: string,
  answers: q.AnswerWrite[],
  at: Date,
): q.ContributionWrite {
  return {
    roundId: input.roundId,
    themeId: input.themeId,
    authorId: actor.personId,
    clientKey: input.clientKey,
    organisationId,
    visibility: input.visibility,
    body: bodyOf(answers),
    at,
  };
}

function answerRows(id: string, questions: Question[], answers: q.AnswerWrite[]): q.AnswerRow[] {
  return answers.map((a) => {
    const question = questions.find((qq) => qq.id === a.questionId)!;
    return {
      contribution_id: id,
      question_id: a.questionId,
      prompt: question.prompt,
      kind: question.kind,
      text: a.text,
      choices: a.choices,
      scale: a.scale,
    };
  });
}

function filterOf(query: ContributionExportQuery, viewer: Viewer): q.ContributionFilter {
  return {
    roundId: query.roundId,
    themeId: query.themeId,
    group: query.group,
    organisationId: query.organisationId,
    from: query.from,
    to: query.to,
    q: query.q || undefined,
    anonymousByOrganisation: mayFilterAnonymousByOrganisation(viewer),
  };
}

/** Erasure: the person's contributions stay, without author. Call within erasure's transaction. */
export async function forgetAuthor(trx: Kysely<DB>, personId: string): Promise<void> {
  await q.forgetAuthor(trx, personId);
}
