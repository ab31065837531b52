/**
 * Data protection in the browser: an admin exports and erases a contact from the contact page,
 * reads the processing log and sets retention on Admin → Data protection (also at 390 px, in
 * Hebrew and Polish), and a customer downloads their own data from their account page.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { contacts } from '../../src/customers/schema.js';
import { startWebRapport, type WebRapport } from './support.js';

const shots = process.env.RAPPORT_SCREENSHOTS;

describe('data protection (web)', () => {
  let w: WebRapport;
  let admin: ReturnType<WebRapport['r']['as']>;

  beforeAll(async () => {
    w = await startWebRapport();
    admin = w.r.as(await w.r.login('ada@rapport.example'));
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => w?.stop());

  const contactByEmail = async (email: string) => {
    const [row] = await w.r.ctx.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(sql`${contacts.emails} @> array[${email}]::text[]`);
    return row!;
  };
  const drain = async () => {
    while ((await w.r.ctx.jobs.runDue(500)) > 0);
  };

  it('exports and erases a contact from the contact page', async () => {
    const emily = await contactByEmail('emily.carter@brightline.example');
    const page = await w.newPage();
    await w.signIn(page, 'ada@rapport.example');
    await page.goto(`/contacts/${emily.id}`);
    const exportLink = page.getByTestId('contact-export');
    await exportLink.waitFor();
    const href = await exportLink.getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/zip');
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId('contact-erase').click();
    const confirm = page.getByTestId('erase-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('erase-confirm-name').fill(emily.name);
    await confirm.click();
    await page.getByText('Erasure started').waitFor();
    await drain();
    await page.getByTestId('contact-erased').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('contact-erase').count()).toBe(0);
    const after = await admin('GET', `/api/v1/contacts/${emily.id}`);
    expect(after.body).toMatchObject({ name: '[erased]', emails: [], phones: [] });
    if (shots) await page.screenshot({ path: `${shots}/privacy-contact-erased.png` });
  });

  it('shows the processing log and saves retention, on a desktop and on a phone in Hebrew and Polish', async () => {
    for (const [locale, width] of [['en-US', 1440], ['he-IL', 390], ['pl-PL', 390]] as const) {
      const page = await w.newPage({ locale });
      await page.setViewportSize({ width, height: 900 });
      await w.signIn(page, 'ada@rapport.example');
      await page.goto('/admin/privacy');
      await page.getByTestId('privacy-log-row').first().waitFor();
      const kinds = await page.getByTestId('privacy-log').innerText();
      expect(kinds.length).toBeGreaterThan(0);
      expect(await page.getByTestId('privacy-log-row').count()).toBeGreaterThanOrEqual(4);
      // The page itself never scrolls sideways; the log table scrolls inside its frame.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (locale === 'he-IL') expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      if (shots) await page.screenshot({ path: `${shots}/privacy-${locale}-${width}.png`, fullPage: true });
    }
    const page = await w.newPage();
    await w.signIn(page, 'ada@rapport.example');
    await page.goto('/admin/privacy');
    const months = page.getByTestId('retention-months');
    await months.waitFor();
    expect(await months.inputValue()).toBe('36');
    await months.fill('48');
    await page.getByTestId('retention-save').click();
    await page.getByText('Retention saved').waitFor();
    const policies = await admin('GET', '/api/v1/privacy/retention');
    expect(policies.body.items.find((p: { scope: string }) => p.scope === 'default').closedCaseMonths).toBe(48);
    await page.getByTestId('retention-run').click();
    await page.getByText('Retention will run in a moment').waitFor();
    await drain();
    const log = await admin('GET', '/api/v1/privacy/log?kind=retention&limit=5');
    expect(log.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('lets a customer download their own data, and no one else\'s', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'yuki.tanaka@tanaka-seimitsu.example');
    await page.goto('/portal/account');
    const link = page.getByTestId('my-data-download');
    await link.waitFor();
    const own = await page.request.get((await link.getAttribute('href'))!);
    expect(own.status()).toBe(200);
    const noa = await contactByEmail('noa@galil-medical.example');
    const foreign = await page.request.get(`/api/v1/contacts/${noa.id}/export`);
    expect(foreign.status()).toBe(404);
    // Staff without the right see no export on a contact page.
    const agent = await w.newPage();
    await w.signIn(agent, 'tomasz@rapport.example');
    await agent.goto(`/contacts/${noa.id}`);
    await agent.getByRole('heading', { name: noa.name }).waitFor();
    expect(await agent.getByTestId('contact-export').count()).toBe(0);
  });
});
