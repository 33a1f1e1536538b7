// A medewerker gives input on a theme: with JavaScript off (plain form posts) and on (autosave, and
// a double click that still stores one contribution).
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';
import { openRound, uniqueTitle, type OpenRound } from './rounds.ts';

const questions = [
  { kind: 'open' as const, prompt: 'Wat zou u in uw eigen werk veranderen?' },
  { kind: 'single' as const, prompt: 'Waar begint u?', options: ['In de wijk', 'Op kantoor'] },
  { kind: 'scale' as const, prompt: 'Hoe urgent vindt u dit?' },
];

/** From the home page's "Open voor u" to the theme's form. */
async function openForm(page: Page, round: OpenRound) {
  const theme = round.themes[0]!;
  await page.goto('/');
  const block = page.getByRole('region', { name: 'Open voor u' });
  await expect(block).toContainText(round.title);
  await block
    .getByRole('listitem')
    .filter({ hasText: round.title })
    .getByRole('link', { name: `Geef inbreng: ${theme.title}` })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme.title);
}

/** The rows of Mijn inbreng for this round. */
const myRows = (page: Page, round: OpenRound) => page.getByRole('row').filter({ hasText: round.title });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a medewerker saves a draft and submits an idea with plain form posts', async ({ page, baseURL }) => {
    const round = await openRound(baseURL!, {
      title: uniqueTitle('Zonder script'),
      audienceGroups: ['medewerker'],
      questions,
    });
    await signInAsDemo(page, 'Ahmed el Amrani');
    await openForm(page, round);
    await expectNoAxeViolations(page, { javaScript: false });

    // Nothing answered: the summary says so and leads to the first question.
    await page.getByRole('button', { name: 'Indienen' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Vraag 1: Beantwoord minstens één vraag.');
    await expect(summary.getByRole('link', { name: /Vraag 1/ })).toHaveAttribute('href', /#q-/);
    await expect(page.getByRole('textbox', { name: /^1\. Wat zou u/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoAxeViolations(page, { javaScript: false });

    const idea = 'Een vast spreekuur van de jeugdverpleegkundige in het wijkcentrum, elke dinsdag.';
    await page.getByRole('textbox', { name: /^1\. Wat zou u/ }).fill(idea);
    await page.getByRole('radio', { name: 'In de wijk' }).check();
    await page.getByRole('radio', { name: '4 – hoog' }).check();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /Concept opgeslagen om \d\d:\d\d/ }),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^1\. Wat zou u/ })).toHaveValue(idea);
    await page.getByRole('radio', { name: 'Alleen met mijn organisatie' }).check();
    await page.screenshot({ path: 'screenshots/inbreng-formulier.png', fullPage: true });

    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect(page).toHaveURL(/\/mijn-inbreng\/[0-9a-f-]+\?ingediend=1$/);
    await expect(page.getByRole('status')).toContainText('Dank u wel! Uw inbreng is ingediend.');
    await expect(page.getByRole('main')).toContainText(idea);
    await expect(page.getByRole('main')).toContainText('Alleen met mijn organisatie');
    await expectNoAxeViolations(page, { javaScript: false });

    await page.getByRole('link', { name: 'Naar Mijn inbreng' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn inbreng');
    await expect(myRows(page, round)).toHaveCount(1);
    await expect(myRows(page, round)).toContainText('Ingediend');
    await expectNoAxeViolations(page, { javaScript: false });
  });
});

test.describe('with JavaScript', () => {
  test('long answers save themselves, survive a reload, and a double click submits once', async ({
    page,
    baseURL,
  }) => {
    const round = await openRound(baseURL!, {
      title: uniqueTitle('Met script'),
      audienceGroups: ['medewerker'],
      questions,
    });
    await signInAsDemo(page, 'Ahmed el Amrani');
    await openForm(page, round);

    const answer = page.getByRole('textbox', { name: /^1\. Wat zou u/ });
    const idea = 'Samen met de huisartsen één aanspreekpunt per wijk voor kwetsbare ouderen.';
    await answer.pressSequentially(idea, { delay: 5 });
    // No button pressed: the draft saves itself a moment after typing stops.
    await expect(
      page.getByRole('status').filter({ hasText: /^Concept opgeslagen om \d\d:\d\d$/ }),
    ).toBeVisible({
      timeout: 10_000,
    });
    await expectNoAxeViolations(page);

    // As if the browser was closed: the text comes back from the server.
    await page.reload();
    await expect(page.getByText('U was hier al mee bezig')).toBeVisible();
    await expect(answer).toHaveValue(idea);

    await page.getByRole('radio', { name: 'Op kantoor' }).check();
    await page.getByRole('button', { name: 'Indienen' }).dblclick();
    await expect(page).toHaveURL(/\/mijn-inbreng\/[0-9a-f-]+\?ingediend=1$/);
    await expect(page.getByRole('main')).toContainText(idea);

    await page.getByRole('link', { name: 'Naar Mijn inbreng' }).click();
    await expect(myRows(page, round)).toHaveCount(1);
    await expect(myRows(page, round)).toContainText('Ingediend');
    // And the API agrees: one contribution for this round, no draft left behind.
    const mine = (await (await page.request.get('/api/me/contributions?pageSize=100')).json()) as {
      items: Array<{ roundId: string; state: string }>;
    };
    expect(mine.items.filter((c) => c.roundId === round.id).map((c) => c.state)).toEqual(['submitted']);
  });
});
