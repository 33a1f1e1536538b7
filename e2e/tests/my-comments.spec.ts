// "Mijn reacties op het concept": Marieke Jansen of the OR opens "Mijn inbreng" and sees her comments on
// the demo's draft sections, with what the programme team did with each, in words (not by colour):
// verwerkt with a link to the section and version, beantwoord with the answer, and the ones still open.
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';

/** The comment whose text starts like this, on whichever page of the list it is (newest first). */
async function commentStarting(page: Page, start: string): Promise<Locator> {
  const section = page.getByRole('region', { name: 'Mijn reacties op het concept' });
  for (let pages = 0; pages < 10; pages++) {
    const item = section.getByRole('listitem').filter({ hasText: start });
    if ((await item.count()) > 0) return item;
    const next = section.getByRole('navigation').getByRole('link', { name: 'Volgende pagina' });
    if ((await next.count()) === 0) break;
    await next.click();
  }
  throw new Error(`Reactie niet gevonden: ${start}`);
}

test('the OR member sees her comments on the draft and what was done with them', async ({ page }) => {
  await signInAsDemo(page, 'Marieke Jansen');
  await page.goto('/mijn-inbreng');
  const section = page.getByRole('region', { name: 'Mijn reacties op het concept' });
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Mijn reacties op het concept');

  // Worked in: named in words, with a link to the section's version where it was done.
  const teams = await commentStarting(page, 'De ambassadeurs doen veel');
  await expect(teams.getByRole('blockquote').first()).toHaveText('Ambassadeurs Positieve Gezondheid');
  await expect(teams.getByRole('heading', { level: 3 }).getByRole('link')).toHaveAttribute(
    'href',
    /\/onderdelen\/[0-9a-f-]{36}$/,
  );
  const worked = teams.getByRole('link', { name: /^Verwerkt in .*, versie \d+$/ });
  await expect(worked).toHaveAttribute('href', /\/onderdelen\/[0-9a-f-]{36}\/versies\?versie=[0-9a-f-]{36}$/);
  await expect(teams).toContainText('Stip op de horizon');
  await expect(teams).toContainText('Afgehandeld op');
  await expectNoAxeViolations(page);

  // Answered: the answer itself is shown, and the reply in the thread is counted.
  await page.goto('/mijn-inbreng');
  const contact = await commentStarting(page, 'Eén vast aanspreekpunt per gemeente');
  await expect(contact).toContainText('Beantwoord. Het antwoord:');
  await expect(contact).toContainText('Het vaste aanspreekpunt komt uit het bestaande accountteam.');
  await expect(contact).toContainText('Antwoorden in het gesprek: 1');

  // Still open: said so in words.
  await page.goto('/mijn-inbreng');
  const open = await commentStarting(page, 'Wat betekent dit voor collega’s in de ambulancezorg?');
  await expect(open).toContainText('Nog open: het programmateam heeft uw reactie nog niet afgehandeld.');

  // Never the MAR's comments, which are not hers.
  await page.goto('/mijn-inbreng');
  await expect(section).not.toContainText('Noem de medisch specialisten');
  await expect(section).not.toContainText('Tien producten is een willekeurig getal');

  // The link in the heading opens the section she commented on.
  await teams.getByRole('heading', { level: 3 }).getByRole('link').click();
  await expect(page).toHaveURL(/\/onderdelen\/[0-9a-f-]{36}$/);
});
