// "Mijn reacties op het concept" over HTTP on the demo: the OR member sees her own comments on the draft
// sections, newest first, with the team's resolution (verwerkt with section and revision, niet
// overgenomen with the reason, beantwoord with the answer) and never anyone else's comments.
import { ErrorBody, MyComments } from '@inbreng/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Record<string, string> = {};

async function get(account: string | null, url: string) {
  if (account && !cookies[account]) {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
    cookies[account] = `inbreng_session=${response.cookies.find((c) => c.name === 'inbreng_session')!.value}`;
  }
  return t.app.inject({ method: 'GET', url, headers: account ? { cookie: cookies[account]! } : {} });
}

async function mine(account: string, query = '') {
  const response = await get(account, `/api/me/comments${query}`);
  if (response.statusCode !== 200) throw new Error(`${response.statusCode}: ${response.body}`);
  return MyComments.parse(response.json());
}

const personId = async (account: string) => ((await get(account, '/api/me')).json() as { id: string }).id;

beforeAll(async () => {
  t = await createTestApp({ demoRounds: true });
}, 120_000);
afterAll(() => t.close());

describe('GET /api/me/comments', () => {
  it('lists the OR member’s own comments, newest first, with each resolution', async () => {
    const list = await mine('adviesraad_lid');
    const own = await t.database.db
      .selectFrom('section_comment')
      .select(['id', 'created_at'])
      .where('author_id', '=', await personId('adviesraad_lid'))
      .where('parent_id', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(list.total).toBe(own.length);
    expect(list.items.map((c) => c.id)).toEqual(own.map((c) => c.id));

    const teams = list.items.find((c) => c.quote === 'Ambassadeurs Positieve Gezondheid')!;
    expect(teams.state).toBe('resolved');
    expect(teams.resolution).toMatchObject({ kind: 'verwerkt', label: 'Verwerkt', text: '' });
    expect(teams.resolution!.section).toMatchObject({ id: teams.section.id, slot: 'horizon' });
    expect(teams.resolution!.revision!.number).toBeGreaterThan(1);
    expect(teams.section).toMatchObject({ slotLabel: expect.any(String), stateLabel: expect.any(String) });

    const contact = list.items.find((c) => c.body.startsWith('Eén vast aanspreekpunt'))!;
    expect(contact.resolution).toMatchObject({ kind: 'beantwoord', section: null, revision: null });
    expect(contact.resolution!.text).toContain('accountteam');
    expect(contact.replyCount).toBe(1);
    // A comment on a whole paragraph keeps that paragraph's text as its quote.
    expect(contact.quote.length).toBeGreaterThan(20);

    const open = list.items.filter((c) => c.state === 'open');
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.every((c) => c.resolution === null)).toBe(true);
  });

  it('shows the reason when a comment was not taken over, to its author only', async () => {
    const mar = await t.database.db
      .selectFrom('section_comment')
      .select(['id', 'author_id'])
      .where('resolution', '=', 'niet_overgenomen')
      .executeTakeFirstOrThrow();
    // The MAR's author is no demo account; her comment must not reach the OR member or the team.
    for (const account of ['adviesraad_lid', 'programmateam', 'medewerker']) {
      const list = await mine(account, '?pageSize=100');
      expect(list.items.some((c) => c.id === mar.id)).toBe(false);
    }
    const rows = await t.database.db
      .selectFrom('section_comment')
      .select('id')
      .where('author_id', '=', mar.author_id)
      .where('parent_id', 'is', null)
      .execute();
    expect(rows.map((r) => r.id)).toContain(mar.id);
  });

  it('never lists anyone else’s comments', async () => {
    const me = await personId('adviesraad_lid');
    const others = await t.database.db
      .selectFrom('section_comment')
      .select('id')
      .where((eb) => eb.or([eb('author_id', '!=', me), eb('author_id', 'is', null)]))
      .execute();
    expect(others.length).toBeGreaterThan(0);
    const list = await mine('adviesraad_lid', '?pageSize=100');
    const otherIds = new Set(others.map((o) => o.id));
    expect(list.items.filter((c) => otherIds.has(c.id))).toEqual([]);
    // The team wrote only replies, which are no comments of its own on this page.
    expect((await mine('programmateam')).total).toBe(0);
  });

  it('pages through the list', async () => {
    const all = await mine('adviesraad_lid', '?pageSize=100');
    const first = await mine('adviesraad_lid', '?page=1&pageSize=2');
    const second = await mine('adviesraad_lid', '?page=2&pageSize=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(
      all.items.slice(0, 4).map((c) => c.id),
    );
  });

  it('refuses without a session', async () => {
    const response = await get(null, '/api/me/comments');
    expect(response.statusCode).toBe(401);
    expect(ErrorBody.parse(response.json()).error.message).toBeTruthy();
  });
});
