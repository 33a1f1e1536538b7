// The consultation report as a web page: the programme team sees who took part, the charts (the same
// SVG as in the files) and the gemeenten, downloads the report as PDF; anyone else gets "Geen toegang".
import { expectNoAxeViolations } from './axe.ts';
import { expect, signInAsDemo, test } from './fixtures.ts';

const REPORT = '/plannen/strategisch-werkplan-2027-2030/verslag';

test('the programme team reads the consultation report with its charts and downloads it', async ({
  page,
}) => {
  await signInAsDemo(page, 'Sanne de Vries');
  await page.goto(REPORT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Consultatieverslag strategisch werkplan 2027–2030',
  );
  await expect(
    page.getByRole('heading', { level: 2, name: 'Wie is uitgenodigd en wie deed mee' }),
  ).toBeVisible();

  // Both charts, drawn as accessible images with a text for every bar.
  const byTheme = page.getByRole('img', { name: 'Inbreng per thema' });
  const byGroup = page.getByRole('img', { name: 'Inbreng per groep' });
  await expect(byTheme).toBeVisible();
  await expect(byGroup).toBeVisible();
  await expect(byGroup).toContainText('Medewerkers');

  await expect(
    page.getByRole('table', { name: 'Stand van de reactie per gemeente' }).locator('tbody tr'),
  ).toHaveCount(18);
  await expect(page.getByRole('table', { name: 'Aantal inbrengen per thema en groep' })).toContainText('< 5');
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Consultatieverslag (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('strategisch-werkplan-2027-2030-consultatieverslag.pdf');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
});

test('someone outside the programme team gets no access to the report', async ({ page }) => {
  await signInAsDemo(page, 'Ahmed el Amrani');
  const response = await page.goto(REPORT);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expectNoAxeViolations(page);
});
