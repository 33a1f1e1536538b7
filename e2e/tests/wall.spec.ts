// The clustering wall: the programme team sorts input cards by mouse, by keyboard and with the
// "Verplaats naar…" menu, takes a proposal of the machine, undoes, and sees a colleague's moves live.
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { cspRefusals, expect, signInAsDemo, test } from './fixtures.ts';
import { apiAs } from './rounds.ts';

/** A column of the wall: "Niet ingedeeld" or a cluster, by its name. */
const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
/** The cards of a column. */
const cards = (col: Locator) => col.locator('li.wall-card');

/** The first words of a card, as a locator can find it again elsewhere on the page. */
async function textOf(card: Locator): Promise<string> {
  const text = (await card.locator('.wall-card__text').innerText()).replace(/…$/, '');
  return text.slice(0, 50);
}

async function createCluster(page: Page, name: string) {
  await page.getByLabel('Naam van het cluster', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Cluster maken' }).click();
  await expect(column(page, name)).toBeVisible();
}

test('the programme team sorts cards by mouse, keyboard and menu, takes a proposal, undoes, and sees moves live', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const mouse = `Muis ${stamp}`;
  const keys = `Toetsenbord ${stamp}`;

  // A theme wall, opened from the list of walls.
  await signInAsDemo(page, 'Sanne de Vries');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wanden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wanden');
  await expectNoAxeViolations(page);
  const theme = page.getByLabel('Thema', { exact: true });
  const firstTheme = (await theme.locator('option').nth(1).textContent())!.trim();
  await theme.selectOption({ label: firstTheme });
  await page.getByRole('button', { name: 'Wand openen' }).click();
  await expect(page).toHaveURL(/\/wanden\/[0-9a-f-]{36}$/);
  const address = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await createCluster(page, mouse);
  await createCluster(page, keys);
  // Start from a settled page: a status message appearing mid-drag would shift the cards under the pointer.
  await page.reload();
  await expect(column(page, keys)).toBeVisible();
  const unsorted = column(page, 'Niet ingedeeld');
  await expect(cards(unsorted).first()).toBeVisible();

  // 1. By mouse: drag a card from "Niet ingedeeld" into a cluster.
  // The card is picked by its text, so a list that re-renders in between cannot swap it for another.
  const dragged = await textOf(cards(unsorted).first());
  await cards(unsorted).filter({ hasText: dragged }).first().dragTo(column(page, mouse));
  await expect(cards(column(page, mouse)).filter({ hasText: dragged })).toHaveCount(1);

  // 2. By keyboard only: focus the card's "Oppakken", Enter, arrows to the cluster, Enter.
  const typed = await textOf(cards(unsorted).first());
  const grab = cards(unsorted)
    .filter({ hasText: typed })
    .first()
    .getByRole('button', { name: /^Oppakken/ });
  await grab.focus();
  await page.keyboard.press('Enter');
  const announcer = page.locator('#wall-announcer');
  await expect(announcer).toContainText('Opgepakt');
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press('ArrowDown');
    if ((await announcer.textContent())?.startsWith(`${keys},`)) break;
  }
  await expect(announcer).toContainText(keys);
  await expect(column(page, keys)).toContainText('Hier neerleggen');
  await page.keyboard.press('Enter');
  await expect(cards(column(page, keys)).filter({ hasText: typed })).toHaveCount(1);
  await expect(announcer).toContainText(`staat nu in ${keys}`);

  // 3. With the "Verplaats naar…" menu.
  const menuText = await textOf(cards(unsorted).first());
  const menued = cards(unsorted).filter({ hasText: menuText }).first();
  await menued.getByLabel(/^Verplaats naar…/).selectOption({ label: mouse });
  await menued.getByRole('button', { name: /^Verplaatsen/ }).click();
  await expect(cards(column(page, mouse)).filter({ hasText: menuText })).toHaveCount(1);
  await page.screenshot({ path: 'screenshots/wand.png', fullPage: true });
  await expectNoAxeViolations(page);

  // Undo (Ctrl+Z) puts the last card back; redo brings it into the cluster again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(cards(unsorted).filter({ hasText: menuText })).toHaveCount(1);
  await page.getByRole('button', { name: 'Opnieuw doen' }).click();
  await expect(cards(column(page, mouse)).filter({ hasText: menuText })).toHaveCount(1);

  // A colleague's browser sees moves without a reload.
  const other = await (await browser.newContext()).newPage();
  const otherRefusals = cspRefusals(other);
  await signInAsDemo(other, 'Sanne de Vries');
  await other.goto(address);
  const live = await textOf(cards(column(other, 'Niet ingedeeld')).first());
  const liveCard = cards(column(other, 'Niet ingedeeld')).filter({ hasText: live }).first();
  await liveCard.getByLabel(/^Verplaats naar…/).selectOption({ label: keys });
  await liveCard.getByRole('button', { name: /^Verplaatsen/ }).click();
  await expect(cards(column(page, keys)).filter({ hasText: live })).toHaveCount(1, { timeout: 5_000 });
  const back = await textOf(cards(column(page, mouse)).first());
  await cards(column(page, mouse)).filter({ hasText: back }).first().dragTo(column(page, 'Niet ingedeeld'));
  await expect(cards(column(other, 'Niet ingedeeld')).filter({ hasText: back })).toHaveCount(1, {
    timeout: 5_000,
  });

  // The machine proposes clusters; the team takes one.
  await page.getByLabel('Aantal clusters (niet verplicht)').fill('3');
  await page.getByRole('button', { name: 'Stel clusters voor' }).click();
  const proposals = page.getByRole('region', { name: /^Voorstellen \(/ });
  await expect(proposals).toBeVisible({ timeout: 60_000 });
  const firstProposal = proposals.getByRole('article').first();
  const proposalName = (await firstProposal.getByRole('heading', { level: 3 }).textContent())!.trim();
  await expectNoAxeViolations(page);
  await firstProposal.getByRole('button', { name: /^Aannemen/ }).click();
  await expect(column(page, proposalName)).toBeVisible();
  await page.screenshot({ path: 'screenshots/wand-voorstel.png', fullPage: true });

  // All of it survives a reload.
  await page.reload();
  await expect(cards(column(page, keys)).filter({ hasText: typed })).toHaveCount(1);
  await expect(cards(column(page, mouse)).filter({ hasText: menuText })).toHaveCount(1);
  await expect(cards(column(page, keys)).filter({ hasText: live })).toHaveCount(1);
  await expect(column(page, proposalName)).toBeVisible();

  // A card in full: a label, and a fragment cut with the keyboard.
  await cards(column(page, keys))
    .first()
    .getByRole('link', { name: /^Kaart openen/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Volledige tekst' })).toBeVisible();
  await page.getByLabel('Nieuw label').fill('Wachttijd');
  await page.getByRole('button', { name: 'Label toevoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De labels zijn opgeslagen.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verwijder label wachttijd' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Fragment maken' }).focus();
  await page.keyboard.press('Control+Home');
  for (let step = 0; step < 25; step++) await page.keyboard.press('Shift+ArrowRight');
  await page.getByRole('button', { name: 'Maak fragment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het fragment staat nu als kaart' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Terug naar de wand' }).click();

  // The history tells who did what.
  await page.getByRole('link', { name: 'Geschiedenis: wie deed wat' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Geschiedenis van');
  await expect(page.getByRole('table')).toContainText('Sanne de Vries');
  await page.screenshot({ path: 'screenshots/wand-geschiedenis.png', fullPage: true });
  await expectNoAxeViolations(page);

  expect(otherRefusals, 'CSP refusals in the console').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"Verplaats naar…" works as a plain form; a card moved meanwhile is told, with where it is now', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    await signInAsDemo(page, 'Sanne de Vries');
    await page.goto('/wanden');
    const theme = page.getByLabel('Thema', { exact: true });
    await theme.selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Wand openen' }).click();
    await expect(page).toHaveURL(/\/wanden\/[0-9a-f-]{36}$/);
    const name = `Zonder script ${Date.now().toString(36)}`;
    await page.getByLabel('Naam van het cluster', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Cluster maken' }).click();
    const unsorted = column(page, 'Niet ingedeeld');
    const card = cards(unsorted).first();
    const text = await textOf(card);
    await card.getByLabel(/^Verplaats naar…/).selectOption({ label: name });
    await card.getByRole('button', { name: /^Verplaatsen/ }).click();
    await expect(cards(column(page, name)).filter({ hasText: text })).toHaveCount(1);
    await expectNoAxeViolations(page, { javaScript: false });

    // Someone else moves the next card while this page still shows it unsorted.
    const stale = cards(unsorted).first();
    const staleText = await textOf(stale);
    const cardId = await stale.getAttribute('data-card-id');
    const clusterId = await column(page, name).getAttribute('data-column');
    const wallId = new URL(page.url()).pathname.split('/')[2];
    const colleague = await apiAs(baseURL!, 'programmateam');
    const current = (await (await colleague.get(`/api/walls/${wallId}/cards/${cardId}`)).json()) as {
      version: number;
    };
    const moved = await colleague.post(`/api/walls/${wallId}/cards/${cardId}/move`, {
      data: { clusterId, expectedVersion: current.version },
    });
    expect(moved.ok(), await moved.text()).toBe(true);
    await colleague.dispose();

    await stale.getByLabel(/^Verplaats naar…/).selectOption({ label: name });
    await stale.getByRole('button', { name: /^Verplaatsen/ }).click();
    // One programme-team demo account: the API says it was "you", elsewhere, and where the card is now.
    await expect(page.getByRole('alert')).toContainText(`staat nu bij ‘${name}’`);
    await expect(cards(column(page, name)).filter({ hasText: staleText })).toHaveCount(1);
  });
});
