// The demo's wall: the whole plan with every submitted demo contribution as a card, clustered once
// (the real clustering, a fixed seed and the plan's themes as seeds), about half of the proposals
// accepted (some in part), two rejected and the rest open; a few fragments, labels and a duplicate
// mark. Sanne de Vries (programmateam) does it through the wall's own service, so the history reads
// like a morning's sorting.
import { clusterTexts } from '@inbreng/clustering';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { syncCards } from '../modules/wall/wall.queries.ts';
import { recordClusterProposals, runInput, seedsOf } from '../modules/wall/wall.runs.ts';
import { createWallService, type WallActor } from '../modules/wall/wall.service.ts';
import { demoPeople } from './accounts.ts';
import { demoPlan } from './plan.ts';

const DEMO_WALL_SEED = 20261120;
/** Friday 20 November 2026, 14:00 in Amsterdam: the team sorts the first week's input. */
const START = new Date('2026-11-20T13:00:00Z');

export async function seedDemoWall(db: Kysely<DB>): Promise<{ seeded: boolean }> {
  const team = demoPeople.find((p) => p.account === 'programmateam')!;
  // Claimed in one transaction under a lock: a second process starting at the same moment finds the
  // wall and leaves it be.
  const claimed = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('inbreng.demo.wall'))`.execute(trx);
    const plan = await trx
      .selectFrom('plan')
      .select(['id', 'title'])
      .where('slug', '=', demoPlan.slug)
      .executeTakeFirst();
    const sanne = await trx
      .selectFrom('person')
      .select(['id', 'name'])
      .where('email', '=', team.email)
      .executeTakeFirst();
    if (!plan || !sanne) return null;
    const hasInput = await trx
      .selectFrom('contribution as c')
      .innerJoin('round as r', 'r.id', 'c.round_id')
      .select('c.id')
      .where('r.plan_id', '=', plan.id)
      .where('c.state', '=', 'submitted')
      .limit(1)
      .executeTakeFirst();
    if (!hasInput) return null;
    const wall = await sql<{ id: string }>`
      INSERT INTO wall (plan_id, theme_id, title, created_by, created_at, updated_at)
      VALUES (${plan.id}, NULL, ${`Alle inbreng op ${plan.title}`}, ${sanne.id}, ${START}, ${START})
      ON CONFLICT DO NOTHING RETURNING id`.execute(trx);
    const wallId = wall.rows[0]?.id;
    if (!wallId) return null;
    await syncCards(trx, wallId, START);
    return { wallId, actor: { personId: sanne.id, name: sanne.name } satisfies WallActor };
  });
  if (!claimed) return { seeded: false };
  const { wallId, actor } = claimed;

  let minutes = 0;
  const at = () => new Date(START.getTime() + minutes * 60_000);
  const wall = createWallService({ db, now: at, events: { publish: async () => {} } });
  const step = (n = 1) => {
    minutes += n;
  };

  // The clustering run, done: straight through clusterTexts, as the job would in its worker.
  const { items } = await runInput(db, wallId, 'cluster');
  const seeds = await seedsOf(db, wallId);
  const began = Date.now();
  const result = clusterTexts(items, { seed: DEMO_WALL_SEED, seeds });
  await db.transaction().execute(async (trx) => {
    const { id: runId } = await trx
      .insertInto('wall_run')
      .values({
        wall_id: wallId,
        kind: 'cluster',
        state: 'done',
        progress: 1,
        stage: 'Klaar',
        k: result.k,
        seed: DEMO_WALL_SEED,
        requested_by: actor.personId,
        created_at: at(),
        started_at: at(),
        finished_at: at(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const made = await recordClusterProposals(trx, wallId, runId, result);
    await trx
      .updateTable('wall_run')
      .set({
        summary: JSON.stringify({
          cards: items.length,
          clusters: result.k,
          proposals: made,
          duplicates: result.duplicates.length,
          seconds: Math.round((Date.now() - began) / 100) / 10,
        }),
      })
      .where('id', '=', runId)
      .execute();
  });
  step(3);

  // About half accepted, every third of those only in part; two rejected; the rest stays open.
  const { items: proposals } = await wall.proposals(wallId);
  const half = Math.ceil(proposals.length / 2);
  for (const [i, proposal] of proposals.entries()) {
    if (i < half) {
      const cardIds =
        i % 3 === 1
          ? proposal.cards.slice(0, Math.max(1, Math.ceil(proposal.cards.length * 0.7))).map((c) => c.cardId)
          : undefined;
      await wall.decide(actor, wallId, proposal.id, 'accept', cardIds);
    } else if (i < half + 2) {
      await wall.decide(actor, wallId, proposal.id, 'reject');
    } else break;
    step(2);
  }

  // A few fragments from the longest contributions: the second sentence becomes a card of its own.
  const cards = (await wall.cards(wallId, { page: 1, pageSize: 500 })).items;
  const longest = cards
    .filter((c) => c.sourceCardId === null)
    .toSorted((a, b) => b.text.length - a.text.length);
  for (const card of longest.slice(0, 3)) {
    const sentences = [...card.text.matchAll(/[^.!?]+[.!?]+/g)];
    const second = sentences[1];
    if (!second || second.index === undefined) continue;
    const start = second.index + (second[0].length - second[0].trimStart().length);
    await wall.fragment(actor, wallId, card.id, { start, end: second.index + second[0].length });
    step();
  }

  // Labels on a few cards, and one duplicate mark between two cards of the same cluster.
  const labels = [['werkplan'], ['snel oppakken'], ['gemeenten', 'werkplan'], ['financiering']];
  const sorted = cards.filter((c) => c.clusterId !== null);
  for (const [i, tags] of labels.entries()) {
    const card = sorted[i * 7];
    if (!card) break;
    const current = await wall.card(wallId, card.id);
    await wall.editCard(actor, wallId, card.id, { tags, expectedVersion: current.version });
    step();
  }
  const duplicateGroup = result.duplicates.find((group) => group.length >= 2);
  const [copy, original] =
    duplicateGroup ??
    sorted
      .filter((c) => c.clusterId === sorted[0]?.clusterId)
      .map((c) => c.id)
      .slice(0, 2);
  if (copy && original) {
    const current = await wall.card(wallId, copy);
    await wall.editCard(actor, wallId, copy, { duplicateOf: original, expectedVersion: current.version });
    step();
  }

  // And a name made by hand: the first accepted cluster gets the team's own words.
  const detail = await wall.detail(actor, wallId);
  const first = detail.clusters[0];
  if (first)
    await wall.editCluster(actor, wallId, first.id, { note: 'Meenemen in hoofdstuk 2 van het werkplan.' });
  return { seeded: true };
}
