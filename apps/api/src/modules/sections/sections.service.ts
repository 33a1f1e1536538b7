// Draft sections of the plan: the programme team writes them as blocks with stable ids, every save
// that changes the text is a revision, and the state moves along the shared table, each step tied to
// a milestone. Councils (and whom the team admits) comment on paragraphs or passages; after every new
// revision each comment is re-anchored, so a redraft never loses one. Every write is one transaction;
// live events go out on `section:<id>` after the commit.
import { randomBytes } from 'node:crypto';
import { AnchorError, createAnchor, diffBlocks, reanchor, type Anchor, type Block } from '@inbreng/shared';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../access/policy.ts';
import type { EventBus } from '../../plugins/events.ts';
import { audit } from '../audit/audit.ts';
import { findPlan } from '../plans/plans.queries.ts';
import {
  anchorStatusLabels,
  BlockInput,
  commentableStates,
  editableStates,
  replyableStates,
  resolutionLabels,
  sectionSlotLabels,
  SectionSlot,
  sectionTopic,
  sectionTransitions,
  type CommentCreate,
  type CommentOverview,
  type CommentOverviewQuery,
  type CommentResolve,
  type CommentThread,
  type PlanSections,
  type RevisionDetail,
  type RevisionSummary,
  type SectionBlock,
  type SectionClustersInput,
  type SectionCommentersInput,
  type SectionCreate,
  type SectionDetail,
  type SectionDiff,
  type SectionSave,
  type SectionState,
  type SectionSummary,
  type SectionTransitionInput,
} from '@inbreng/shared';
import { queueSectionFeedback } from '../feedback/feedback.notices.ts';
import { queueResolutionMail } from './sections.mails.ts';
import { canTransition, transitionMessages } from './sections.state.ts';

type Deps = {
  db: Kysely<DB>;
  now: () => Date;
  events: Pick<EventBus, 'publish'>;
  baseUrl: () => string;
};

/** Who acts: the signed-in person with their memberships. */
export type SectionActor = Actor & { name: string | null };

const NOT_FOUND = 'Dit onderdeel bestaat niet (meer) of u kunt het nog niet inzien.';
const COMMENT_NOT_FOUND = 'Deze reactie bestaat niet (meer).';
const NOT_ADMITTED = 'U bent niet uitgenodigd om op dit onderdeel te reageren.';
const iso = (d: Date) => d.toISOString();

/** A save from an older revision: the route answers 409 with the revision on the server and the save. */
export class SectionConflictError extends AppError {
  readonly current: RevisionDetail;
  readonly yours: BlockInput[];

  constructor(current: RevisionDetail, yours: BlockInput[]) {
    super(
      'CONFLICT',
      `Iemand anders heeft dit onderdeel intussen opgeslagen (versie ${current.number}). Vergelijk beide versies en sla opnieuw op.`,
    );
    this.current = current;
    this.yours = yours;
  }
}

const isTeam = (actor: Actor) => actor.memberships.some((m) => m.role === 'programmateam');

type SectionRow = {
  id: string;
  plan_id: string;
  goal_id: string;
  goal_position: number;
  goal_title: string;
  slot: SectionSlot;
  state: SectionState;
  revision: number;
};

function sectionQuery(db: Kysely<DB>) {
  return db
    .selectFrom('section as s')
    .innerJoin('goal as g', 'g.id', 's.goal_id')
    .select([
      's.id',
      's.plan_id',
      's.goal_id',
      'g.position as goal_position',
      'g.title as goal_title',
      's.slot',
      's.state',
      's.revision',
    ]);
}

/** Blocks as stored, with links always present (older rows or seeds may leave them out). */
function storedBlocks(blocks: Array<{ id: string; kind: Block['kind']; text: string; links?: unknown[] }>) {
  return blocks.map((b) => ({
    id: b.id,
    kind: b.kind,
    text: b.text,
    links: (b.links ?? []) as SectionBlock['links'],
  }));
}

/** Keeps the ids the editor sends; a new block gets a fresh id, unique within the section. */
function normalise(input: BlockInput[], taken: Set<string>): SectionBlock[] {
  const used = new Set(input.flatMap((b) => (b.id ? [b.id] : [])));
  for (const id of taken) used.add(id);
  return input.map((raw) => {
    const b = BlockInput.parse(raw);
    let id = b.id;
    while (!id) {
      const fresh = `b${randomBytes(6).toString('base64url')}`;
      if (!used.has(fresh)) {
        used.add(fresh);
        id = fresh;
      }
    }
    return { id, kind: b.kind, text: b.text, links: b.links };
  });
}

const sameBlocks = (a: SectionBlock[], b: SectionBlock[]) => JSON.stringify(a) === JSON.stringify(b);

export function createSectionsService({ db, now, events, baseUrl }: Deps) {
  async function load(trx: Kysely<DB>, sectionId: string, actor: Actor, lock = false): Promise<SectionRow> {
    let query = sectionQuery(trx).where('s.id', '=', sectionId);
    if (lock) query = query.forUpdate('s');
    const row = (await query.executeTakeFirst()) as SectionRow | undefined;
    // A concept is the team's draft: to others it does not exist yet.
    if (!row || (row.state === 'concept' && !isTeam(actor))) throw notFound(NOT_FOUND);
    return row;
  }

  async function revisionRow(trx: Kysely<DB>, sectionId: string, number: number) {
    return trx
      .selectFrom('section_revision as r')
      .leftJoin('person as p', 'p.id', 'r.author_id')
      .select(['r.id', 'r.number', 'r.blocks', 'r.author_id', 'p.name', 'r.created_at'])
      .where('r.section_id', '=', sectionId)
      .where('r.number', '=', number)
      .executeTakeFirstOrThrow();
  }

  function toRevision(row: {
    id: string;
    number: number;
    blocks: Array<{ id: string; kind: Block['kind']; text: string; links?: unknown[] }>;
    author_id: string | null;
    name: string | null;
    created_at: Date;
  }): RevisionDetail {
    const blocks = storedBlocks(row.blocks);
    return {
      id: row.id,
      number: row.number,
      author: row.author_id ? { id: row.author_id, name: row.name } : null,
      createdAt: iso(row.created_at),
      blockCount: blocks.length,
      blocks,
    };
  }

  const summaryOf = ({ blocks: _blocks, ...summary }: RevisionDetail): RevisionSummary => summary;

  async function openCounts(trx: Kysely<DB>, sectionIds: string[]): Promise<Map<string, number>> {
    if (sectionIds.length === 0) return new Map();
    const rows = await trx
      .selectFrom('section_comment')
      .select(['section_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('section_id', 'in', sectionIds)
      .where('parent_id', 'is', null)
      .where('state', '=', 'open')
      .groupBy('section_id')
      .execute();
    return new Map(rows.map((r) => [r.section_id, Number(r.n)]));
  }

  /** The councils (organisations of type adviesraad) and whom the team admitted to this section. */
  async function commentersOf(trx: Kysely<DB>, sectionId: string) {
    const [councils, organisations, people] = await Promise.all([
      trx
        .selectFrom('organisation')
        .select(['id', 'name'])
        .where('type', '=', 'adviesraad')
        .orderBy('name')
        .execute(),
      trx
        .selectFrom('section_commenter as c')
        .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
        .select(['o.id', 'o.name', 'o.type'])
        .where('c.section_id', '=', sectionId)
        .orderBy('o.name')
        .execute(),
      trx
        .selectFrom('section_commenter as c')
        .innerJoin('person as p', 'p.id', 'c.person_id')
        .select(['p.id', 'p.name'])
        .where('c.section_id', '=', sectionId)
        .orderBy('p.name')
        .execute(),
    ]);
    return { councils, organisations, people };
  }

  /**
   * May this person comment on this section, and for which organisation do they speak? The team always
   * may (for no organisation); council members for their council; admitted organisations' members and
   * admitted people as well.
   */
  async function commenterOf(
    trx: Kysely<DB>,
    sectionId: string,
    actor: Actor,
  ): Promise<{ allowed: boolean; organisationId: string | null }> {
    if (isTeam(actor)) return { allowed: true, organisationId: null };
    const orgIds = actor.memberships.map((m) => m.organisationId);
    if (orgIds.length > 0) {
      const councils = await trx
        .selectFrom('organisation')
        .select('id')
        .where('type', '=', 'adviesraad')
        .where('id', 'in', orgIds)
        .execute();
      const council = councils.find((c) =>
        actor.memberships.some((m) => m.organisationId === c.id && m.role === 'adviesraad_lid'),
      );
      if (council) return { allowed: true, organisationId: council.id };
      const admittedOrg = await trx
        .selectFrom('section_commenter')
        .select('organisation_id')
        .where('section_id', '=', sectionId)
        .where('organisation_id', 'in', orgIds)
        .executeTakeFirst();
      if (admittedOrg) return { allowed: true, organisationId: admittedOrg.organisation_id };
    }
    const admittedPerson = await trx
      .selectFrom('section_commenter')
      .select('id')
      .where('section_id', '=', sectionId)
      .where('person_id', '=', actor.personId)
      .executeTakeFirst();
    return { allowed: Boolean(admittedPerson), organisationId: null };
  }

  async function detail(actor: Actor, sectionId: string): Promise<SectionDetail> {
    const section = await load(db, sectionId, actor);
    const team = isTeam(actor);
    const [revision, counts, clusters, commenters, transitions, commenter] = await Promise.all([
      revisionRow(db, sectionId, section.revision),
      openCounts(db, [sectionId]),
      db
        .selectFrom('section_cluster as sc')
        .innerJoin('wall_cluster as c', 'c.id', 'sc.cluster_id')
        .select([
          'c.id',
          'c.wall_id',
          'c.name',
          (eb) =>
            eb
              .selectFrom('wall_card as w')
              .select(eb.fn.countAll<string>().as('n'))
              .whereRef('w.cluster_id', '=', 'c.id')
              .where('w.removed_at', 'is', null)
              .as('inputs'),
        ])
        .where('sc.section_id', '=', sectionId)
        .orderBy('c.position')
        .execute(),
      commentersOf(db, sectionId),
      db
        .selectFrom('section_transition as t')
        .leftJoin('milestone as m', 'm.id', 't.milestone_id')
        .leftJoin('person as p', 'p.id', 't.person_id')
        .select([
          't.from_state',
          't.to_state',
          't.note',
          't.created_at',
          't.milestone_id',
          'm.title as milestone_title',
          sql<string | null>`to_char(m.date, 'YYYY-MM-DD')`.as('milestone_date'),
          't.person_id',
          'p.name as person_name',
        ])
        .where('t.section_id', '=', sectionId)
        .orderBy('t.created_at')
        .execute(),
      commenterOf(db, sectionId, actor),
    ]);
    const rev = toRevision(revision);
    return {
      id: section.id,
      planId: section.plan_id,
      goal: { id: section.goal_id, position: section.goal_position, title: section.goal_title },
      slot: section.slot,
      slotLabel: sectionSlotLabels[section.slot],
      state: section.state,
      revision: summaryOf(rev),
      openComments: counts.get(sectionId) ?? 0,
      blocks: rev.blocks,
      clusters: clusters.map((c) => ({
        id: c.id,
        wallId: c.wall_id,
        name: c.name,
        inputCount: Number(c.inputs ?? 0),
      })),
      commenters,
      transitions: transitions.map((t) => ({
        from: t.from_state as SectionState,
        to: t.to_state as SectionState,
        milestone:
          t.milestone_id && t.milestone_title && t.milestone_date
            ? { id: t.milestone_id, title: t.milestone_title, date: t.milestone_date }
            : null,
        note: t.note,
        by: t.person_id ? { id: t.person_id, name: t.person_name } : null,
        at: iso(t.created_at),
      })),
      allowedTransitions: team ? [...sectionTransitions[section.state]] : [],
      canEdit: team && editableStates.includes(section.state),
      canComment: commentableStates.includes(section.state) && commenter.allowed,
    };
  }

  /**
   * After a new revision: finds every thread's passage again, starting from where it was last found
   * (or, when it was lost, from the original), and stores what was found. The original stays as made.
   */
  async function revision(actor: Actor, sectionId: string, revisionId: string): Promise<RevisionDetail> {
    await load(db, sectionId, actor);
    const row = await db
      .selectFrom('section_revision as r')
      .leftJoin('person as p', 'p.id', 'r.author_id')
      .select(['r.id', 'r.number', 'r.blocks', 'r.author_id', 'p.name', 'r.created_at'])
      .where('r.section_id', '=', sectionId)
      .where('r.id', '=', revisionId)
      .executeTakeFirst();
    if (!row) throw notFound('Deze versie bestaat niet (meer).');
    return toRevision(row);
  }

  async function reanchorComments(trx: Kysely<DB>, sectionId: string, blocks: Block[], number: number) {
    const comments = await trx
      .selectFrom('section_comment')
      .select(['id', 'anchor', 'current_anchor', 'anchor_status'])
      .where('section_id', '=', sectionId)
      .where('parent_id', 'is', null)
      .execute();
    for (const c of comments) {
      const original = c.anchor as Anchor;
      const last = (c.current_anchor as Anchor | null) ?? original;
      let found = reanchor(last, blocks);
      if (found.status === 'orphaned' && last !== original) found = reanchor(original, blocks);
      await trx
        .updateTable('section_comment')
        .set({
          anchor_status: found.status,
          // A lost passage keeps its last known place, so a later revision can still find it there.
          current_anchor: JSON.stringify(found.status === 'orphaned' ? last : found.anchor),
          anchor_revision: number,
        })
        .where('id', '=', c.id)
        .execute();
    }
  }

  async function publish(
    sectionId: string,
    type: string,
    data: Record<string, unknown>,
    actor: SectionActor,
  ) {
    await events.publish({
      topic: sectionTopic(sectionId),
      type,
      data: { sectionId, ...data },
      by: actor.name,
    });
  }

  // ── Comments as threads ─────────────────────────────────────────────────

  type CommentRow = {
    id: string;
    section_id: string;
    author_id: string | null;
    author_name: string | null;
    organisation_id: string | null;
    organisation_name: string | null;
    body: string;
    created_at: Date;
    revision_number: number | null;
    anchor: Anchor | null;
    current_anchor: Anchor | null;
    anchor_status: 'exact' | 'moved' | 'fuzzy' | 'orphaned' | null;
    anchor_revision: number | null;
    state: 'open' | 'resolved';
    resolution: 'verwerkt' | 'niet_overgenomen' | 'beantwoord' | null;
    resolution_text: string;
    resolved_section_id: string | null;
    resolved_revision_id: string | null;
    resolved_revision_number: number | null;
    resolved_by: string | null;
    resolver_name: string | null;
    resolved_at: Date | null;
    block_length: number | null;
  };

  function commentQuery(trx: Kysely<DB>) {
    return trx
      .selectFrom('section_comment as c')
      .leftJoin('person as p', 'p.id', 'c.author_id')
      .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
      .leftJoin('section_revision as r', 'r.id', 'c.revision_id')
      .leftJoin('section_revision as rr', 'rr.id', 'c.resolved_revision_id')
      .leftJoin('person as rp', 'rp.id', 'c.resolved_by')
      .select([
        'c.id',
        'c.section_id',
        'c.author_id',
        'p.name as author_name',
        'c.organisation_id',
        'o.name as organisation_name',
        'c.body',
        'c.created_at',
        'r.number as revision_number',
        'c.anchor',
        'c.current_anchor',
        'c.anchor_status',
        'c.anchor_revision',
        'c.state',
        'c.resolution',
        'c.resolution_text',
        'c.resolved_section_id',
        'c.resolved_revision_id',
        'rr.number as resolved_revision_number',
        'c.resolved_by',
        'rp.name as resolver_name',
        'c.resolved_at',
        // The block's length in the revision commented on, to tell a whole-paragraph comment.
        sql<
          number | null
        >`(SELECT length(b->>'text') FROM jsonb_array_elements(r.blocks) b WHERE b->>'id' = c.anchor->>'blockId' LIMIT 1)`.as(
          'block_length',
        ),
      ])
      .where('c.parent_id', 'is', null);
  }

  const authorOf = (r: {
    author_id: string | null;
    author_name: string | null;
    organisation_id: string | null;
    organisation_name: string | null;
  }) => ({
    id: r.author_id,
    name: r.author_name,
    organisation:
      r.organisation_id && r.organisation_name ? { id: r.organisation_id, name: r.organisation_name } : null,
  });

  function toThread(r: CommentRow): Omit<CommentThread, 'replies'> {
    const original = r.anchor as Anchor;
    const current = r.current_anchor ?? original;
    const status = r.anchor_status ?? 'exact';
    return {
      id: r.id,
      sectionId: r.section_id,
      author: authorOf(r),
      body: r.body,
      createdAt: iso(r.created_at),
      revisionNumber: r.revision_number,
      original,
      current: {
        status,
        label: anchorStatusLabels[status],
        blockId: current.blockId,
        start: current.position.start,
        end: current.position.end,
        revision: r.anchor_revision ?? r.revision_number ?? 1,
      },
      wholeBlock: original.position.start === 0 && original.position.end === r.block_length,
      state: r.state,
      resolution:
        r.resolution && r.resolved_at
          ? {
              kind: r.resolution,
              label: resolutionLabels[r.resolution],
              text: r.resolution_text,
              sectionId: r.resolved_section_id,
              revisionId: r.resolved_revision_id,
              revisionNumber: r.resolved_revision_number,
              by: r.resolved_by ? { id: r.resolved_by, name: r.resolver_name } : null,
              at: iso(r.resolved_at),
            }
          : null,
    };
  }

  async function threads(trx: Kysely<DB>, rows: CommentRow[]): Promise<CommentThread[]> {
    if (rows.length === 0) return [];
    const replies = await trx
      .selectFrom('section_comment as c')
      .leftJoin('person as p', 'p.id', 'c.author_id')
      .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
      .select([
        'c.id',
        'c.parent_id',
        'c.author_id',
        'p.name as author_name',
        'c.organisation_id',
        'o.name as organisation_name',
        'c.body',
        'c.created_at',
      ])
      .where(
        'c.parent_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    const byParent = Map.groupBy(replies, (r) => r.parent_id);
    return rows.map((r) => ({
      ...toThread(r),
      replies: (byParent.get(r.id) ?? []).map((reply) => ({
        id: reply.id,
        author: authorOf(reply),
        body: reply.body,
        createdAt: iso(reply.created_at),
      })),
    }));
  }

  async function thread(trx: Kysely<DB>, commentId: string): Promise<CommentThread> {
    const row = (await commentQuery(trx)
      .where('c.id', '=', commentId)
      .executeTakeFirstOrThrow()) as CommentRow;
    return (await threads(trx, [row]))[0]!;
  }

  /** The root of a thread (a reply id leads to its thread). */
  async function rootOf(trx: Kysely<DB>, commentId: string) {
    const row = await trx
      .selectFrom('section_comment')
      .select(['id', 'parent_id', 'section_id'])
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (!row) throw notFound(COMMENT_NOT_FOUND);
    return row.parent_id ? { id: row.parent_id, section_id: row.section_id } : row;
  }

  return {
    detail,

    async listForPlan(actor: Actor, reference: string): Promise<PlanSections> {
      const plan = await findPlan(db, reference);
      if (!plan) throw notFound('Dit plan bestaat niet (meer).');
      const team = isTeam(actor);
      const [goals, sections] = await Promise.all([
        db
          .selectFrom('goal')
          .select(['id', 'position', 'title'])
          .where('plan_id', '=', plan.id)
          .orderBy('position')
          .execute(),
        sectionQuery(db)
          .innerJoin('section_revision as r', (j) =>
            j.onRef('r.section_id', '=', 's.id').onRef('r.number', '=', 's.revision'),
          )
          .leftJoin('person as p', 'p.id', 'r.author_id')
          .select([
            'r.id as revision_id',
            'r.author_id',
            'p.name as author_name',
            'r.created_at as revision_at',
            sql<number>`jsonb_array_length(r.blocks)`.as('block_count'),
          ])
          .where('s.plan_id', '=', plan.id)
          .execute(),
      ]);
      const visible = sections.filter((s) => team || s.state !== 'concept');
      const counts = await openCounts(
        db,
        visible.map((s) => s.id),
      );
      const bySlot = new Map(visible.map((s) => [`${s.goal_id}:${s.slot}`, s]));
      return {
        planId: plan.id,
        goals: goals.map((g) => ({
          id: g.id,
          position: g.position,
          title: g.title,
          slots: SectionSlot.options.map((slot) => {
            const s = bySlot.get(`${g.id}:${slot}`);
            const section: SectionSummary | null = s
              ? {
                  id: s.id,
                  planId: s.plan_id,
                  goal: { id: g.id, position: g.position, title: g.title },
                  slot: s.slot,
                  slotLabel: sectionSlotLabels[s.slot],
                  state: s.state,
                  revision: {
                    id: s.revision_id,
                    number: s.revision,
                    author: s.author_id ? { id: s.author_id, name: s.author_name } : null,
                    createdAt: iso(s.revision_at),
                    blockCount: Number(s.block_count),
                  },
                  openComments: counts.get(s.id) ?? 0,
                }
              : null;
            return { slot, label: sectionSlotLabels[slot], section };
          }),
        })),
      };
    },

    async create(actor: SectionActor, reference: string, input: SectionCreate): Promise<SectionDetail> {
      const at = now();
      const plan = await findPlan(db, reference);
      if (!plan) throw notFound('Dit plan bestaat niet (meer).');
      const sectionId = await db.transaction().execute(async (trx) => {
        const goal = await trx
          .selectFrom('goal')
          .select('id')
          .where('id', '=', input.goalId)
          .where('plan_id', '=', plan.id)
          .executeTakeFirst();
        if (!goal) {
          throw new AppError('VALIDATION', undefined, { goalId: 'Dit doel hoort niet bij dit plan.' });
        }
        const exists = await trx
          .selectFrom('section')
          .select('id')
          .where('goal_id', '=', input.goalId)
          .where('slot', '=', input.slot)
          .executeTakeFirst();
        if (exists) throw new AppError('CONFLICT', 'Dit onderdeel bestaat al voor dit doel.');
        const { id } = await trx
          .insertInto('section')
          .values({
            plan_id: plan.id,
            goal_id: input.goalId,
            slot: input.slot,
            created_by: actor.personId,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('section_revision')
          .values({
            section_id: id,
            number: 1,
            blocks: JSON.stringify(normalise(input.blocks ?? [], new Set())),
            author_id: actor.personId,
            created_at: at,
          })
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'section.created',
          subjectType: 'section',
          subjectId: id,
          details: { slot: input.slot, goalId: input.goalId },
          at,
        });
        return id;
      });
      return detail(actor, sectionId);
    },

    async save(actor: SectionActor, sectionId: string, input: SectionSave): Promise<SectionDetail> {
      const at = now();
      const saved = await db.transaction().execute(async (trx) => {
        const section = await load(trx, sectionId, actor, true);
        if (!editableStates.includes(section.state)) {
          throw new AppError('CONFLICT', 'Een vastgesteld onderdeel kan niet meer worden gewijzigd.');
        }
        const current = toRevision(await revisionRow(trx, sectionId, section.revision));
        if (input.baseRevision !== section.revision) throw new SectionConflictError(current, input.blocks);
        // Ids of blocks of earlier revisions stay reserved, so a new block never takes an old one's id.
        const taken = new Set(current.blocks.map((b) => b.id));
        const blocks = normalise(input.blocks, taken);
        if (sameBlocks(blocks, current.blocks)) return false;
        const number = section.revision + 1;
        await trx
          .insertInto('section_revision')
          .values({
            section_id: sectionId,
            number,
            blocks: JSON.stringify(blocks),
            author_id: actor.personId,
            created_at: at,
          })
          .execute();
        await trx
          .updateTable('section')
          .set({ revision: number, updated_at: at })
          .where('id', '=', sectionId)
          .execute();
        await reanchorComments(trx, sectionId, blocks, number);
        return number;
      });
      if (saved !== false) await publish(sectionId, 'section.saved', { revision: saved }, actor);
      return detail(actor, sectionId);
    },

    async transition(
      actor: SectionActor,
      sectionId: string,
      input: SectionTransitionInput,
    ): Promise<SectionDetail> {
      const at = now();
      const from = await db.transaction().execute(async (trx) => {
        const section = await load(trx, sectionId, actor, true);
        if (!canTransition(section.state, input.to))
          throw new AppError('CONFLICT', transitionMessages[input.to]);
        const milestone = await trx
          .selectFrom('milestone')
          .select('id')
          .where('id', '=', input.milestoneId)
          .where('plan_id', '=', section.plan_id)
          .executeTakeFirst();
        if (!milestone) {
          throw new AppError('VALIDATION', undefined, {
            milestoneId: 'Deze mijlpaal hoort niet bij dit plan.',
          });
        }
        await trx
          .updateTable('section')
          .set({ state: input.to, updated_at: at })
          .where('id', '=', sectionId)
          .execute();
        await trx
          .insertInto('section_transition')
          .values({
            section_id: sectionId,
            from_state: section.state,
            to_state: input.to,
            milestone_id: input.milestoneId,
            note: input.note ?? '',
            person_id: actor.personId,
            created_at: at,
          })
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'section.transitioned',
          subjectType: 'section',
          subjectId: sectionId,
          details: { from: section.state, to: input.to, milestoneId: input.milestoneId },
          at,
        });
        // Everyone whose input fed this section hears when it goes into consultation or is adopted.
        await queueSectionFeedback(trx, sectionId, input.to, at, baseUrl());
        return section.state;
      });
      await publish(sectionId, 'section.state', { from, to: input.to }, actor);
      return detail(actor, sectionId);
    },

    async linkClusters(
      actor: SectionActor,
      sectionId: string,
      input: SectionClustersInput,
    ): Promise<SectionDetail> {
      const at = now();
      await db.transaction().execute(async (trx) => {
        const section = await load(trx, sectionId, actor, true);
        const ids = [...new Set(input.clusterIds)];
        if (ids.length > 0) {
          const found = await trx
            .selectFrom('wall_cluster as c')
            .innerJoin('wall as w', 'w.id', 'c.wall_id')
            .select('c.id')
            .where('c.id', 'in', ids)
            .where('w.plan_id', '=', section.plan_id)
            .where('c.dissolved_at', 'is', null)
            .execute();
          if (found.length !== ids.length) {
            throw new AppError('VALIDATION', undefined, {
              clusterIds: 'Een of meer clusters bestaan niet (meer) of horen niet bij dit plan.',
            });
          }
        }
        await trx.deleteFrom('section_cluster').where('section_id', '=', sectionId).execute();
        if (ids.length > 0) {
          await trx
            .insertInto('section_cluster')
            .values(ids.map((cluster_id) => ({ section_id: sectionId, cluster_id })))
            .execute();
        }
        await audit(trx, {
          actorId: actor.personId,
          action: 'section.clusters_linked',
          subjectType: 'section',
          subjectId: sectionId,
          details: { clusters: ids.length },
          at,
        });
      });
      await publish(sectionId, 'section.updated', {}, actor);
      return detail(actor, sectionId);
    },

    async admitCommenters(
      actor: SectionActor,
      sectionId: string,
      input: SectionCommentersInput,
    ): Promise<SectionDetail> {
      const at = now();
      const organisationIds = [...new Set(input.organisationIds ?? [])];
      const personIds = [...new Set(input.personIds ?? [])];
      await db.transaction().execute(async (trx) => {
        await load(trx, sectionId, actor, true);
        if (organisationIds.length > 0) {
          const orgs = await trx
            .selectFrom('organisation')
            .select('id')
            .where('id', 'in', organisationIds)
            .execute();
          if (orgs.length !== organisationIds.length) {
            throw new AppError('VALIDATION', undefined, {
              organisationIds: 'Een of meer organisaties bestaan niet.',
            });
          }
        }
        if (personIds.length > 0) {
          const people = await trx
            .selectFrom('person')
            .select('id')
            .where('id', 'in', personIds)
            .where('erased_at', 'is', null)
            .execute();
          if (people.length !== personIds.length) {
            throw new AppError('VALIDATION', undefined, { personIds: 'Een of meer personen bestaan niet.' });
          }
        }
        await trx.deleteFrom('section_commenter').where('section_id', '=', sectionId).execute();
        const rows = [
          ...organisationIds.map((id) => ({ section_id: sectionId, organisation_id: id, person_id: null })),
          ...personIds.map((id) => ({ section_id: sectionId, organisation_id: null, person_id: id })),
        ];
        if (rows.length > 0) await trx.insertInto('section_commenter').values(rows).execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'section.commenters_changed',
          subjectType: 'section',
          subjectId: sectionId,
          details: { organisations: organisationIds.length, people: personIds.length },
          at,
        });
      });
      await publish(sectionId, 'section.updated', {}, actor);
      return detail(actor, sectionId);
    },

    async revisions(actor: Actor, sectionId: string, { page, pageSize }: { page: number; pageSize: number }) {
      await load(db, sectionId, actor);
      const [rows, total] = await Promise.all([
        db
          .selectFrom('section_revision as r')
          .leftJoin('person as p', 'p.id', 'r.author_id')
          .select(['r.id', 'r.number', 'r.blocks', 'r.author_id', 'p.name', 'r.created_at'])
          .where('r.section_id', '=', sectionId)
          .orderBy('r.number', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('section_revision')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('section_id', '=', sectionId)
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map((r) => summaryOf(toRevision(r))), page, pageSize, total: Number(total.n) };
    },

    revision,

    async diff(actor: Actor, sectionId: string, fromId: string, toId: string): Promise<SectionDiff> {
      const [from, to] = await Promise.all([
        revision(actor, sectionId, fromId),
        revision(actor, sectionId, toId),
      ]);
      const plain = (bs: SectionBlock[]): Block[] => bs.map(({ id, kind, text }) => ({ id, kind, text }));
      return {
        from: summaryOf(from),
        to: summaryOf(to),
        blocks: diffBlocks(plain(from.blocks), plain(to.blocks)),
      };
    },

    async comments(actor: Actor, sectionId: string, state: 'open' | 'resolved' | 'all') {
      await load(db, sectionId, actor);
      const commenter = await commenterOf(db, sectionId, actor);
      // The threads are the conversation between the councils and the team; others read the text only.
      if (!commenter.allowed) throw new AppError('FORBIDDEN', 'Alleen wie mag reageren, ziet de reacties.');
      let query = commentQuery(db).where('c.section_id', '=', sectionId);
      if (state !== 'all') query = query.where('c.state', '=', state);
      const rows = (await query.orderBy('c.created_at').orderBy('c.id').execute()) as CommentRow[];
      return { items: await threads(db, rows) };
    },

    async comment(actor: SectionActor, sectionId: string, input: CommentCreate): Promise<CommentThread> {
      const at = now();
      const commentId = await db.transaction().execute(async (trx) => {
        const section = await load(trx, sectionId, actor, true);
        if (!commentableStates.includes(section.state)) {
          throw new AppError('CONFLICT', 'U kunt alleen reageren zolang het onderdeel in consultatie is.');
        }
        const commenter = await commenterOf(trx, sectionId, actor);
        if (!commenter.allowed) throw new AppError('FORBIDDEN', NOT_ADMITTED);
        if (input.revision !== undefined && input.revision !== section.revision) {
          throw new AppError(
            'CONFLICT',
            'De tekst is gewijzigd sinds u hem opende. Selecteer de passage opnieuw in de nieuwe versie.',
          );
        }
        const revision = toRevision(await revisionRow(trx, sectionId, section.revision));
        const block = revision.blocks.find((b) => b.id === input.blockId);
        let anchor: Anchor;
        try {
          anchor = createAnchor(
            revision.blocks,
            input.blockId,
            input.start ?? 0,
            input.end ?? block?.text.length ?? 0,
          );
        } catch (error) {
          if (!(error instanceof AnchorError)) throw error;
          const field = error.code === 'BLOCK_NOT_FOUND' ? 'blockId' : 'start';
          throw new AppError('VALIDATION', error.message, { [field]: error.message });
        }
        const { id } = await trx
          .insertInto('section_comment')
          .values({
            section_id: sectionId,
            author_id: actor.personId,
            organisation_id: commenter.organisationId,
            body: input.body,
            revision_id: revision.id,
            anchor: JSON.stringify(anchor),
            current_anchor: JSON.stringify(anchor),
            anchor_status: 'exact',
            anchor_revision: revision.number,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return id;
      });
      const result = await thread(db, commentId);
      await publish(sectionId, 'comment.created', { commentId }, actor);
      return result;
    },

    async reply(actor: SectionActor, commentId: string, body: string): Promise<CommentThread> {
      const at = now();
      const root = await rootOf(db, commentId);
      await db.transaction().execute(async (trx) => {
        const section = await load(trx, root.section_id, actor, true);
        if (!replyableStates.includes(section.state)) {
          throw new AppError('CONFLICT', 'Op dit onderdeel kan niet meer worden gereageerd.');
        }
        const commenter = await commenterOf(trx, section.id, actor);
        if (!commenter.allowed) throw new AppError('FORBIDDEN', NOT_ADMITTED);
        await trx
          .insertInto('section_comment')
          .values({
            section_id: section.id,
            parent_id: root.id,
            author_id: actor.personId,
            organisation_id: commenter.organisationId,
            body,
            created_at: at,
          })
          .execute();
      });
      const result = await thread(db, root.id);
      await publish(root.section_id, 'comment.replied', { commentId: root.id }, actor);
      return result;
    },

    async resolve(actor: SectionActor, commentId: string, input: CommentResolve): Promise<CommentThread> {
      const at = now();
      const root = await rootOf(db, commentId);
      if (root.id !== commentId) {
        throw new AppError('VALIDATION', 'Sluit de hele draad af, niet een antwoord daarin.');
      }
      await db.transaction().execute(async (trx) => {
        const comment = await trx
          .selectFrom('section_comment as c')
          .innerJoin('section as s', 's.id', 'c.section_id')
          .select(['c.id', 'c.state', 'c.section_id', 'c.author_id', 's.plan_id'])
          .where('c.id', '=', commentId)
          .forUpdate('c')
          .executeTakeFirstOrThrow();
        let resolvedSection: string | null = null;
        let resolvedRevision: string | null = null;
        if (input.resolution === 'verwerkt') {
          const where = await trx
            .selectFrom('section_revision as r')
            .innerJoin('section as s', 's.id', 'r.section_id')
            .select(['r.id', 'r.section_id'])
            .where('r.id', '=', input.revisionId!)
            .where('r.section_id', '=', input.sectionId!)
            .where('s.plan_id', '=', comment.plan_id)
            .executeTakeFirst();
          if (!where) {
            throw new AppError('VALIDATION', undefined, {
              revisionId: 'Deze versie hoort niet bij het gekozen onderdeel van dit plan.',
            });
          }
          resolvedSection = where.section_id;
          resolvedRevision = where.id;
        }
        const text =
          input.resolution === 'niet_overgenomen'
            ? input.reason!
            : input.resolution === 'beantwoord'
              ? input.answer!
              : '';
        await trx
          .updateTable('section_comment')
          .set({
            state: 'resolved',
            resolution: input.resolution,
            resolution_text: text,
            resolved_section_id: resolvedSection,
            resolved_revision_id: resolvedRevision,
            resolved_by: actor.personId,
            resolved_at: at,
          })
          .where('id', '=', commentId)
          .execute();
        await audit(trx, {
          actorId: actor.personId,
          action: 'comment.resolved',
          subjectType: 'section_comment',
          subjectId: commentId,
          details: { resolution: input.resolution, changed: comment.state === 'resolved' },
          at,
        });
        if (comment.author_id) {
          await queueResolutionMail(trx, {
            commentId,
            authorId: comment.author_id,
            sectionId: comment.section_id,
            at,
            baseUrl: baseUrl(),
          });
        }
      });
      const result = await thread(db, commentId);
      await publish(root.section_id, 'comment.resolved', { commentId }, actor);
      return result;
    },

    async overview(actor: Actor, query: CommentOverviewQuery): Promise<CommentOverview> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      let planId: string | undefined;
      if (query.plan) {
        const plan = await findPlan(db, query.plan);
        if (!plan) throw notFound('Dit plan bestaat niet (meer).');
        planId = plan.id;
      }
      const roots = () => {
        let q = db
          .selectFrom('section_comment as c')
          .innerJoin('section as s', 's.id', 'c.section_id')
          .where('c.parent_id', 'is', null);
        if (planId) q = q.where('s.plan_id', '=', planId);
        return q;
      };
      const open = sql<string>`count(*) FILTER (WHERE c.state = 'open')`;
      const resolved = sql<string>`count(*) FILTER (WHERE c.state = 'resolved')`;
      const [perSection, perOrganisation] = await Promise.all([
        roots()
          .innerJoin('goal as g', 'g.id', 's.goal_id')
          .select(['s.id', 's.slot', 'g.title', 'g.position', open.as('open'), resolved.as('resolved')])
          .groupBy(['s.id', 's.slot', 'g.title', 'g.position'])
          .orderBy('g.position')
          .orderBy(sql`array_position(ARRAY['horizon','steps','roles','actions'], s.slot)`)
          .execute(),
        roots()
          .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
          .select(['c.organisation_id', 'o.name', open.as('open'), resolved.as('resolved')])
          .groupBy(['c.organisation_id', 'o.name'])
          .orderBy('o.name')
          .execute(),
      ]);
      let list = commentQuery(db).innerJoin('section as s', 's.id', 'c.section_id');
      if (planId) list = list.where('s.plan_id', '=', planId);
      if (query.sectionId) list = list.where('c.section_id', '=', query.sectionId);
      if (query.organisationId) list = list.where('c.organisation_id', '=', query.organisationId);
      if (query.state) list = list.where('c.state', '=', query.state);
      const [rows, total] = await Promise.all([
        list
          .select((eb) =>
            eb
              .selectFrom('section_comment as rc')
              .select(eb.fn.countAll<string>().as('n'))
              .whereRef('rc.parent_id', '=', 'c.id')
              .as('reply_count'),
          )
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        list
          .clearSelect()
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        perSection: perSection.map((s) => ({
          sectionId: s.id,
          goalTitle: s.title,
          slot: s.slot,
          slotLabel: sectionSlotLabels[s.slot],
          open: Number(s.open),
          resolved: Number(s.resolved),
        })),
        perOrganisation: perOrganisation.map((o) => ({
          organisationId: o.organisation_id,
          name: o.name ?? 'Programmateam en toegelaten personen',
          open: Number(o.open),
          resolved: Number(o.resolved),
        })),
        items: rows.map((r) => ({ ...toThread(r as CommentRow), replyCount: Number(r.reply_count ?? 0) })),
        page,
        pageSize,
        total: Number(total.n),
      };
    },

    /** For live updates: may this person follow this section? */
    async mayRead(actor: Actor, sectionId: string): Promise<boolean> {
      try {
        await load(db, sectionId, actor);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Erasure: the sections and comments stay; who wrote, moved or resolved them becomes unknown. */
export async function forgetSectionPerson(trx: Kysely<DB>, personId: string): Promise<void> {
  await trx.updateTable('section').set({ created_by: null }).where('created_by', '=', personId).execute();
  await trx
    .updateTable('section_revision')
    .set({ author_id: null })
    .where('author_id', '=', personId)
    .execute();
  await trx
    .updateTable('section_transition')
    .set({ person_id: null })
    .where('person_id', '=', personId)
    .execute();
  await trx.deleteFrom('section_commenter').where('person_id', '=', personId).execute();
  await trx
    .updateTable('section_comment')
    .set({ author_id: null })
    .where('author_id', '=', personId)
    .execute();
  await trx
    .updateTable('section_comment')
    .set({ resolved_by: null })
    .where('resolved_by', '=', personId)
    .execute();
}
