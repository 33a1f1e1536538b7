import { Page, WallCard, WallDetail, WallEvent, WallProposalList } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWall } from '../../demo/wall.ts';
import { createTestApp } from '../../test/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let seconds: number;

beforeAll(async () => {
  const began = Date.now();
  t = await createTestApp({ demoRounds: true });
  seconds = (Date.now() - began) / 1000;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/demo',
    payload: { account: 'programmateam' },
  });
  cookie = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
});
afterAll(() => t.close());

const get = async (url: string) =>
  (await t.app.inject({ method: 'GET', url: `/api${url}`, headers: { cookie } })).json();

describe('the demo wall', () => {
  it('holds every submitted demo contribution, clustered, with proposals accepted in part', async () => {
    console.log(`demo with rounds and wall seeded in ${seconds.toFixed(1)} s`);
    const walls = await get('/walls');
    expect(walls.items).toHaveLength(1);
    const wall = WallDetail.parse(await get(`/walls/${walls.items[0].id}`));
    const submitted = await t.database.db
      .selectFrom('contribution')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'submitted')
      .executeTakeFirstOrThrow();
    const cards = Page(WallCard).parse(await get(`/walls/${wall.id}/cards?pageSize=500`));
    const fragments = cards.items.filter((c) => c.sourceCardId !== null);
    expect(cards.total - fragments.length).toBe(Number(submitted.n));
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    expect(wall.lastRun).toMatchObject({ state: 'done', kind: 'cluster', requestedBy: 'Sanne de Vries' });
    expect(wall.clusters.length).toBeGreaterThan(2);
    expect(wall.sorted).toBeGreaterThan(cards.total / 4);
    expect(wall.sorted).toBeLessThan(cards.total);
    expect(wall.tags.length).toBeGreaterThanOrEqual(3);
    expect(cards.items.filter((c) => c.duplicateOf !== null)).toHaveLength(1);
    const open = WallProposalList.parse(await get(`/walls/${wall.id}/proposals`));
    expect(open.items.length).toBeGreaterThan(0);
    const states = await t.database.db.selectFrom('wall_proposal').select('state').execute();
    expect(states.map((s) => s.state)).toEqual(
      expect.arrayContaining(['accepted', 'partly', 'rejected', 'open']),
    );
    const history = Page(WallEvent).parse(await get(`/walls/${wall.id}/history?pageSize=100`));
    expect(history.items.length).toBeGreaterThan(5);
    expect(history.items.every((e) => e.description.startsWith('Sanne de Vries '))).toBe(true);
  });

  it('is seeded once', async () => {
    expect(await seedDemoWall(t.database.db)).toEqual({ seeded: false });
    expect((await get('/walls')).items).toHaveLength(1);
  });

  it('seeds quickly: the seed runs at every start on an empty database', async () => {
    await t.database.db.deleteFrom('wall').execute();
    const began = Date.now();
    expect(await seedDemoWall(t.database.db)).toEqual({ seeded: true });
    const ms = Date.now() - began;
    console.log(`demo wall seeded in ${ms} ms`);
    // Most of it is the clustering itself; the wall around it takes about half a second.
    expect(ms).toBeLessThan(8000);
  });
});
