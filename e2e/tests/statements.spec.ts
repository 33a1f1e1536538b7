// The accessibility statement and the privacy statement: public, server-rendered without JavaScript,
// headings in order, reachable from every page's footer, fit to print, and clean under axe.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** The levels of all headings in the main content, in document order. */
const headingLevels = (page: Page) =>
  page
    .locator('main')
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));

/** One h1 first, and no level skipped on the way down (h2 → h4 would be). */
async function expectHeadingsInOrder(page: Page) {
  const levels = await headingLevels(page);
  expect(levels[0]).toBe(1);
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  levels.slice(1).forEach((level, i) => expect(level).toBeLessThanOrEqual(levels[i]! + 1));
}

/** The page works without the browser loading any of our scripts. */
async function expectNoScripts(page: Page) {
  await expect(page.locator('script[src], link[rel="modulepreload"]')).toHaveCount(0);
}

test('the accessibility statement says which standard, its status, known limits and whom to ask', async ({
  page,
}) => {
  await page.goto('/toegankelijkheid');
  await expect(page).toHaveTitle(/Toegankelijkheidsverklaring/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
  await expect(
    page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Home' }),
  ).toBeVisible();

  const h2 = page.getByRole('heading', { level: 2 });
  await expect(h2).toHaveText([
    'Over welke website gaat deze verklaring?',
    'Aan welke eisen moet Inbreng voldoen?',
    'Voldoet Inbreng aan de eisen?',
    'Hoe hebben wij getest?',
    'Wat werkt nog niet goed of is nog niet getoetst?',
    'Loopt u tegen een probleem aan?',
    'Niet tevreden?',
    'Over deze verklaring',
  ]);
  await expect(page.getByText('WCAG 2.2, niveau AA')).toBeVisible();
  await expect(page.getByText('EN 301 549', { exact: false })).toBeVisible();
  await expect(page.getByText('Status: eerste maatregelen genomen')).toBeVisible();
  await expect(page.getByText(/‘Verplaats naar…’/)).toBeVisible();
  await expect(page.getByText(/PDF\/UA/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Nationale ombudsman/ })).toHaveAttribute(
    'href',
    'https://www.nationaleombudsman.nl/',
  );
  await expect(page.getByText('Deze verklaring is opgesteld op 23 november 2026.')).toBeVisible();

  await expectHeadingsInOrder(page);
  await expectNoScripts(page);
  await page.screenshot({ path: 'screenshots/toegankelijkheid.png', fullPage: true });
  await expectNoAxeViolations(page);
});

test('the privacy statement says what is stored, why, how long, and whom to ask', async ({ page }) => {
  await page.goto('/privacy');
  await expect(page).toHaveTitle(/Privacyverklaring/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacyverklaring');
  await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toBeVisible();

  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Welke gegevens bewaren wij, en waarom?',
    'Op welke grond?',
    'Hoe lang bewaren wij uw gegevens?',
    'Hoe beschermen wij uw gegevens?',
    'Uw rechten',
    'Vragen of een klacht?',
  ]);
  await expect(page.getByRole('heading', { level: 3 })).toHaveText([
    'Uw account',
    'Uw inbreng',
    'De wand',
    'Inloggen',
    'Logboek',
    'E-mails',
  ]);
  await expect(page.getByText(/artikel 6 lid 1 sub e/)).toBeVisible();
  await expect(page.getByText(/alleen het programmateam kan zien van wie/)).toBeVisible();
  await expect(page.getByText('Een sessie verloopt na 30 dagen.', { exact: false })).toBeVisible();
  await expect(page.getByText('Een inloglink of inlogcode is 15 minuten geldig.')).toBeVisible();
  await expect(page.getByText(/minder dan vijf mensen/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'privacy@hecht.example' })).toHaveAttribute(
    'href',
    'mailto:privacy@hecht.example',
  );
  await expect(page.getByRole('link', { name: /Autoriteit Persoonsgegevens/ })).toBeVisible();

  await expectHeadingsInOrder(page);
  await expectNoScripts(page);
  await page.screenshot({ path: 'screenshots/privacy.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The rights point to the pages where they are exercised; signed out, those ask to sign in first.
  await page.getByRole('main').getByRole('link', { name: 'Mijn gegevens' }).click();
  await expect(page).toHaveURL(/\/inloggen/);
});

test('every page’s footer links to both statements', async ({ page }) => {
  await page.goto('/plannen');
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('link', { name: 'Toegankelijkheid' }).click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');

  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacyverklaring');
});

test('a signed-in person finds the statements too, and on paper only the statement is printed', async ({
  page,
}) => {
  const signIn = await page.request.post('/api/auth/demo', { data: { account: 'medewerker' } });
  expect(signIn.ok()).toBe(true);
  await page.goto('/toegankelijkheid');
  await expect(page.getByRole('navigation', { name: 'Account' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('in English, the statements are in English', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto('/toegankelijkheid');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
  await expect(page.getByText('Status: first measures taken')).toBeVisible();
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy statement');
  await expectNoAxeViolations(page);
});

test('on a phone 320 pixels wide, the statements need no sideways scrolling (WCAG 1.4.10)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/toegankelijkheid', '/privacy']) {
    await page.goto(path);
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    // What holds more than it shows (a long Dutch word in a heading, say), so a failure says where.
    const tooWide = await page
      .locator('main *')
      .evaluateAll((elements) =>
        elements
          .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth)
          .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.slice(0, 40)}`),
      );
    expect(overflow, `${path}: ${tooWide.join('; ')}`).toBeLessThanOrEqual(0);
  }
});
