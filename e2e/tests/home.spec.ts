import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

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
