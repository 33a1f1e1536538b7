// Gemeente responses: two officials of one gemeente write its response together, and the programme
// team watches the tracker change while they do.
import type { Browser, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { cspRefusals, expect, signInAsDemo, test } from './fixtures.ts';
import { apiAs, openRound, uniqueTitle } from './rounds.ts';

const questions = [
  { kind: 'open' as const, prompt: 'Wat doet uw gemeente al aan wijkgericht werken?' },
  { kind: 'open' as const, prompt: 'Wat verwacht u van Hecht?' },
];

/** One answer's form on the response page: its text box, its save button and its status line. */
const answer = (page: Page, number: number) => page.getByRole('form', { name: `Vraag ${number}` });

/** A signed-in browser of its own, whose CSP refusals the test checks at the end. */
async function browserFor(browser: Browser, name: string, refusals: string[][]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  refusals.push(cspRefusals(page));
  await signInAsDemo(page, name);
  return page;
}

/** Fatima Yilmaz (Leiden) also works for Gouda, so Gouda has two officials; once per test run. */
async function secondGoudaOfficial(baseURL: string): Promise<string> {
  const admin = await apiAs(baseURL, 'beheerder');
  try {
    const gouda = (await (await admin.get('/api/organisations?q=Gouda')).json()).items[0];
    const fatima = (await (await admin.get('/api/people?q=Fatima')).json()).items[0];
    const already = fatima.memberships.some((m: { organisationId: string }) => m.organisationId === gouda.id);
    if (!already) {
      const added = await admin.post(`/api/people/${fatima.id}/memberships`, {
        data: { organisationId: gouda.id, role: 'gemeente_ambtenaar' },
      });
      expect(added.ok(), await added.text()).toBe(true);
    }
    return gouda.id as string;
  } finally {
    await admin.dispose();
  }
}

test('two officials of Gouda write one response; a clash shows both texts; one submits, the other sees it locked', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const goudaId = await secondGoudaOfficial(baseURL!);
  const round = await openRound(baseURL!, { title: uniqueTitle('Samen reageren'), questions });
  const address = `/reacties/${round.id}/${goudaId}`;
  const refusals: string[][] = [];

  // Pieter finds the response from his list.
  await signInAsDemo(page, 'Pieter Bakker');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Reacties' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reacties');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: round.title }).click();
  await expect(page).toHaveURL(new RegExp(`${address}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reactie op ‘${round.title}’`);

  const fatima = await browserFor(browser, 'Fatima Yilmaz', refusals);
  await fatima.goto(address);
  await expect(fatima.getByRole('main')).toContainText('Gemeente Gouda');

  // Each sees the other at work.
  await expect(page.getByText('Ook bezig: Fatima Yilmaz')).toBeVisible({ timeout: 15_000 });
  await expect(fatima.getByText('Ook bezig: Pieter Bakker')).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page);

  // Different answers, saved by each: no trouble.
  const pieterFirst = answer(page, 1).getByRole('textbox', { name: /^1\. Wat doet uw gemeente/ });
  const fatimaSecond = answer(fatima, 2).getByRole('textbox', { name: /^2\. Wat verwacht u/ });
  await pieterFirst.fill('Gouda werkt met vier wijkteams die wekelijks met de GGD overleggen.');
  await answer(page, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
  await expect(answer(page, 1).getByRole('status')).toHaveText(/^Opgeslagen om \d\d:\d\d$/);
  await fatimaSecond.fill('Meer vaste contactpersonen per wijk.');
  await answer(fatima, 2).getByRole('button', { name: 'Opslaan: Vraag 2' }).click();
  await expect(answer(fatima, 2).getByRole('status')).toHaveText(/^Opgeslagen om \d\d:\d\d$/);
  // Pieter had not touched question 2: Fatima's text appears there by itself.
  await expect(answer(page, 2).getByRole('textbox')).toHaveValue('Meer vaste contactpersonen per wijk.');
  await expect(answer(page, 2).getByRole('status')).toContainText('Laatst opgeslagen door Fatima Yilmaz');

  // The same answer at once: Fatima is typing in question 1 when Pieter saves it again.
  const fatimaFirst = answer(fatima, 1).getByRole('textbox');
  await fatimaFirst.fill('Vanuit Leiden: de buurtcoaches sluiten aan bij het wijkteam.');
  await pieterFirst.fill('Gouda werkt met vier wijkteams; twee hebben een vaste GGD-verpleegkundige.');
  await answer(page, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
  await expect(fatima.getByText('Pieter Bakker heeft vraag 1 gewijzigd — laad opnieuw.')).toBeVisible();
  await expect(fatimaFirst).toHaveValue('Vanuit Leiden: de buurtcoaches sluiten aan bij het wijkteam.');
  await answer(fatima, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
  const clash = fatima.getByRole('alert').filter({ hasText: 'Uw tekst' });
  await expect(clash).toContainText('Opgeslagen door Pieter Bakker');
  await expect(clash).toContainText('twee hebben een vaste GGD-verpleegkundige');
  await expect(clash).toContainText('de buurtcoaches sluiten aan');
  // Nothing is lost: the text box holds theirs and then hers.
  await expect(fatimaFirst).toHaveValue(
    'Gouda werkt met vier wijkteams; twee hebben een vaste GGD-verpleegkundige.\n\nVanuit Leiden: de buurtcoaches sluiten aan bij het wijkteam.',
  );
  await fatima.screenshot({ path: 'screenshots/reactie-conflict.png', fullPage: true });
  await expectNoAxeViolations(fatima);
  await fatimaFirst.fill(
    'Gouda werkt met vier wijkteams met een vaste GGD-verpleegkundige; buurtcoaches sluiten aan.',
  );
  await answer(fatima, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
  await expect(answer(fatima, 1).getByRole('status')).toHaveText(/^Opgeslagen om \d\d:\d\d$/);
  await expect(fatima.getByRole('alert')).toHaveCount(0);
  await expect(pieterFirst).toHaveValue(
    'Gouda werkt met vier wijkteams met een vaste GGD-verpleegkundige; buurtcoaches sluiten aan.',
  );

  // Pieter submits, after a confirm step; Fatima's page locks without a reload.
  await page.getByRole('link', { name: 'Reactie indienen' }).click();
  await expect(page.getByText('Weet u zeker dat u de reactie nu wilt indienen?')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ja, reactie indienen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De reactie is ingediend' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Ingediend door Pieter Bakker');
  await expect(fatima.getByRole('main')).toContainText('Ingediend door Pieter Bakker');
  await expect(fatima.getByRole('textbox')).toHaveCount(0);
  await expect(fatima.getByRole('button', { name: /^Opslaan/ })).toHaveCount(0);
  await fatima.screenshot({ path: 'screenshots/reactie-ingediend.png', fullPage: true });
  await expectNoAxeViolations(fatima);

  for (const list of refusals) expect(list, 'CSP refusals in the console').toEqual([]);
});

test('the programme team sees the tracker change while an official works', async ({
  page,
  browser,
  baseURL,
}) => {
  const round = await openRound(baseURL!, { title: uniqueTitle('Volgen'), questions });
  const refusals: string[][] = [];

  await signInAsDemo(page, 'Sanne de Vries');
  await page.goto(`/rondes/${round.id}/volgen`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Wie heeft gereageerd: ${round.title}`);
  const gouda = page.getByRole('row', { name: /Gemeente Gouda/ });
  await expect(gouda).toContainText('Niet begonnen');
  await expect(page.getByRole('list', { name: 'Aantallen per status' })).toContainText('18');
  await expectNoAxeViolations(page);

  const pieter = await browserFor(browser, 'Pieter Bakker', refusals);
  const goudaId = (await (await pieter.request.get('/api/me')).json()).memberships.find(
    (m: { organisationName: string }) => m.organisationName === 'Gemeente Gouda',
  ).organisationId;
  await pieter.goto(`/reacties/${round.id}/${goudaId}`);
  await answer(pieter, 1).getByRole('textbox').fill('Wij beginnen in twee wijken.');
  await answer(pieter, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
  await expect(answer(pieter, 1).getByRole('status')).toHaveText(/^Opgeslagen om/);

  // No reload here: the row changes, and the change is announced.
  await expect(gouda).toContainText('Mee bezig');
  await expect(page.getByRole('status').filter({ hasText: 'Gemeente Gouda: Mee bezig.' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/volgen.png', fullPage: true });
  await expectNoAxeViolations(page);

  // A reminder to Gouda alone.
  await gouda.getByRole('button', { name: 'Herinnering sturen aan Gemeente Gouda' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Herinnering voor Gemeente Gouda' })).toBeVisible();

  for (const list of refusals) expect(list, 'CSP refusals in the console').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an official saves an answer with a plain form post, and a clash still shows both texts', async ({
    page,
    baseURL,
  }) => {
    const goudaId = await secondGoudaOfficial(baseURL!);
    const round = await openRound(baseURL!, { title: uniqueTitle('Zonder script samen'), questions });
    const address = `/reacties/${round.id}/${goudaId}`;

    await signInAsDemo(page, 'Pieter Bakker');
    await page.goto(address);
    await answer(page, 1).getByRole('textbox').fill('Gouda heeft een wijkteam per stadsdeel.');
    await answer(page, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
    await expect(answer(page, 1).getByRole('status')).toHaveText('Het antwoord op vraag 1 is opgeslagen.');
    await expectNoAxeViolations(page, { javaScript: false });

    // Fatima saves the same answer from her own computer; Pieter's page does not know.
    const fatima = await apiAs(baseURL!, 'gemeente_leiden');
    const questionId = round.questions[0]!.id;
    const saved = await fatima.put(`/api/rounds/${round.id}/responses/${goudaId}/answers/${questionId}`, {
      data: { questionId, text: 'Gouda en Leiden delen de wijkaanpak.', baseVersion: 1 },
    });
    expect(saved.ok(), await saved.text()).toBe(true);
    await fatima.dispose();

    await answer(page, 1).getByRole('textbox').fill('Gouda heeft vier wijkteams.');
    await answer(page, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
    const clash = page.getByRole('alert').filter({ hasText: 'Uw tekst' });
    await expect(clash).toContainText('Opgeslagen door Fatima Yilmaz');
    await expect(clash).toContainText('Gouda en Leiden delen de wijkaanpak.');
    await expect(answer(page, 1).getByRole('textbox')).toHaveValue(
      'Gouda en Leiden delen de wijkaanpak.\n\nGouda heeft vier wijkteams.',
    );
    await expectNoAxeViolations(page, { javaScript: false });

    // Saved from the merge: it starts from Fatima's version, so it goes through.
    await answer(page, 1).getByRole('button', { name: 'Opslaan: Vraag 1' }).click();
    await expect(answer(page, 1).getByRole('status')).toHaveText('Het antwoord op vraag 1 is opgeslagen.');
    await expect(answer(page, 1).getByRole('textbox')).toHaveValue(
      'Gouda en Leiden delen de wijkaanpak.\n\nGouda heeft vier wijkteams.',
    );
  });
});
