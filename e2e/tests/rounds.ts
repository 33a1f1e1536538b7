// Rounds to work on in a test, set up through the API as the programme team would: a draft with
// questions per theme, then opened. Each test makes its own, with its own title, so tests do not
// depend on the demo data or on each other.
import { request, type APIRequestContext } from '@playwright/test';
import { expect } from './fixtures.ts';

type Theme = { id: string; title: string };
type Plan = { id: string; goals: Array<{ themes: Theme[] }> };
type Question = { id: string; themeId: string; prompt: string };

export type OpenRound = { id: string; title: string; themes: Theme[]; questions: Question[] };

export type RoundSpec = {
  title: string;
  themeCount?: number;
  audienceGroups?: string[];
  /** Per theme, the questions to ask; the default is one open question and one scale. */
  questions?: Array<{
    kind: 'open' | 'single' | 'multiple' | 'scale' | 'addition';
    prompt: string;
    options?: string[];
  }>;
};

/** An API client signed in with a demo account (its own cookie jar, apart from any browser). */
export async function apiAs(baseURL: string, account: string): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL });
  const response = await client.post('/api/auth/demo', { data: { account } });
  expect(response.ok(), `sign in as ${account}`).toBe(true);
  return client;
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const day = (offset: number) => {
  const date = new Date(Date.now() + offset * 24 * 60 * 60 * 1000);
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
};

export async function openRound(baseURL: string, spec: RoundSpec): Promise<OpenRound> {
  const team = await apiAs(baseURL, 'programmateam');
  try {
    const { items } = await ok<{ items: Array<{ slug: string }> }>(await team.get('/api/plans'), 'plans');
    const plan = await ok<Plan>(await team.get(`/api/plans/${items[0]!.slug}`), 'plan');
    const themes = plan.goals.flatMap((g) => g.themes).slice(0, spec.themeCount ?? 1);
    const round = await ok<{ id: string }>(
      await team.post('/api/rounds', {
        data: {
          planId: plan.id,
          title: spec.title,
          purpose: 'Een ronde voor de end-to-endtest.',
          // Tomorrow, so the scheduler (which opens drafts on their day) leaves it alone until it is
          // complete; the test opens it itself.
          opensOn: day(1),
          closesOn: day(21),
          reminderDays: 3,
          audienceGroups: spec.audienceGroups ?? ['medewerker', 'gemeente_ambtenaar'],
          audienceOrganisationIds: [],
          themeIds: themes.map((t) => t.id),
        },
      }),
      'create round',
    );
    const asked = spec.questions ?? [
      { kind: 'open', prompt: 'Wat is volgens u het belangrijkste om aan te pakken?' },
      { kind: 'scale', prompt: 'Hoe urgent vindt u dit thema?' },
    ];
    const questions: Question[] = [];
    for (const theme of themes) {
      for (const q of asked) {
        questions.push(
          await ok<Question>(
            await team.post(`/api/rounds/${round.id}/questions`, {
              data: { themeId: theme.id, kind: q.kind, prompt: q.prompt, options: q.options ?? [] },
            }),
            'add question',
          ),
        );
      }
    }
    await ok(await team.post(`/api/rounds/${round.id}/transition`, { data: { to: 'open' } }), 'open round');
    return { id: round.id, title: spec.title, themes, questions };
  } finally {
    await team.dispose();
  }
}

/** A unique title per run, so a test finds its own round among the others. */
export const uniqueTitle = (base: string) => `${base} ${Date.now().toString(36)}`;
