import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';

test('the home page shows Hecht’s plan, its goals and themes, and the board timeline', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Strategisch werkplan 2027–2030/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strategisch werkplan 2027–2030');

  const goals = page.getByRole('region', { name: 'Strategische doelen voor 2030' }).getByRole('article');
  await expect(goals).toHaveCount(3);
  await expect(goals.nth(0).getByRole('heading', { level: 3 })).toHaveText(
    'Bewegen van zorg naar gezondheid',
  );
  await expect(goals.nth(1).getByText('Noodsteunpunten in de wijk')).toBeVisible();

  const timeline = page.getByRole('region', { name: 'Tijdlijn van het bestuur' });
  await expect(timeline.getByRole('listitem')).toHaveCount(6);
  await expect(timeline.getByText('16 december 2026')).toBeVisible();
  await expect(timeline.getByText(/Volgende bestuursmoment|Alle bestuursmomenten/)).toBeVisible();

  await page.screenshot({ path: 'screenshots/home.png', fullPage: true });
  await expectNoAxeViolations(page);
});

test('a keyboard user can skip straight to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the plan list leads to the plan page, which passes axe', async ({ page }) => {
  await page.goto('/plannen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
  await page.getByRole('link', { name: 'Strategisch werkplan 2027–2030' }).click();
  await expect(page).toHaveURL(/\/plannen\/strategisch-werkplan-2027-2030$/);
  await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an unknown page says so in Dutch and passes axe', async ({ page }) => {
  const response = await page.goto('/plannen/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectNoAxeViolations(page);
});

// A home for each role: after signing in, each demo person sees the parts that are theirs (and not the
// others'), every part loaded (none says it failed), the page passes axe and fits a 320 px phone.
const failed = 'Dit deel kon nu niet worden geladen';
const contributorParts = ['Begonnen, nog niet ingediend', 'Wat er met uw inbreng gebeurde'];
const teamParts = [
  'Rondes en hun respons',
  'Wanden en hun voortgang',
  'Opmerkingen',
  'Onderdelen per status',
];
const homes: { role: string; name: string; shows: string[]; hides: string[] }[] = [
  {
    role: 'medewerker',
    name: 'Ahmed el Amrani',
    shows: [...contributorParts, 'Volgend bestuursmoment'],
    hides: [...teamParts, 'Beheer', 'Onderdelen in consultatie'],
  },
  {
    role: 'adviesraad-lid',
    name: 'Marieke Jansen',
    shows: [...contributorParts, 'Onderdelen in consultatie', 'Volgend bestuursmoment'],
    hides: [...teamParts, 'Beheer'],
  },
  {
    role: 'gemeente-ambtenaar',
    name: 'Pieter Bakker',
    shows: [...contributorParts, 'Reactie van uw gemeente', 'Volgend bestuursmoment'],
    hides: [...teamParts, 'Beheer'],
  },
  {
    role: 'ketenpartner',
    name: 'Johan Visser',
    shows: [...contributorParts, 'Volgend bestuursmoment'],
    hides: [...teamParts, 'Beheer'],
  },
  {
    role: 'programmateam',
    name: 'Sanne de Vries',
    shows: [...teamParts, 'Volgend bestuursmoment'],
    hides: [...contributorParts, 'Beheer'],
  },
  {
    role: 'beheerder',
    name: 'Els de Boer',
    shows: ['Beheer', 'Volgend bestuursmoment'],
    hides: [...contributorParts, ...teamParts],
  },
];

for (const home of homes) {
  test(`the home of the ${home.role} shows its own parts and passes axe`, async ({ page }) => {
    await signInAsDemo(page, home.name);
    await page.goto('/');
    for (const part of home.shows) {
      await expect(page.getByRole('region', { name: part, exact: true })).toBeVisible();
    }
    for (const part of home.hides) {
      await expect(page.getByRole('region', { name: part, exact: true })).toHaveCount(0);
    }
    await expect(page.getByText(failed)).toHaveCount(0);
    // The plan itself stays below the person's own parts.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strategisch werkplan 2027–2030');
    await page.screenshot({ path: `screenshots/home-${home.role}.png`, fullPage: true });
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(320);
  });
}

test('the programme team’s home gives each open round’s response and links to its tracker', async ({
  page,
}) => {
  await signInAsDemo(page, 'Sanne de Vries');
  await page.goto('/');
  const rounds = page.getByRole('region', { name: 'Rondes en hun respons' });
  await expect(rounds.getByText(/Reacties van organisaties: \d+ ingediend/).first()).toBeVisible();
  await rounds
    .getByRole('link', { name: /^Volgen: / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/rondes\/[0-9a-f-]+\/volgen$/);
});

test('the contributor’s home says what became of their input and links to Mijn inbreng', async ({ page }) => {
  await signInAsDemo(page, 'Ahmed el Amrani');
  await page.goto('/');
  const feedback = page.getByRole('region', { name: 'Wat er met uw inbreng gebeurde' });
  await expect(feedback.getByText(/bijdragen zijn ingedeeld|nog geen bijdragen ingediend/)).toBeVisible();
  await feedback.getByRole('link', { name: 'Naar Mijn inbreng' }).click();
  await expect(page).toHaveURL(/\/mijn-inbreng$/);
});

test('the beheerder’s home counts failed mails and open privacy requests', async ({ page }) => {
  await signInAsDemo(page, 'Els de Boer');
  await page.goto('/');
  const beheer = page.getByRole('region', { name: 'Beheer', exact: true });
  await expect(beheer.getByText(/^Mislukte e-mails: \d+$/)).toBeVisible();
  await expect(beheer.getByText(/^Open privacyverzoeken: \d+$/)).toBeVisible();
  await beheer.getByRole('link', { name: 'Privacyverzoeken' }).click();
  await expect(page).toHaveURL(/\/beheer\/privacy$/);
});
