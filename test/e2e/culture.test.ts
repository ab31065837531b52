import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/tickets/commands.js';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * The culture engine in a real browser on the demo data: the culture card beside a ticket with
 * its explanations, the composer's greeting prefill and warnings, an admin's override, the
 * managers' Cultures page with its chart and a curated-field edit, and the card in Hebrew.
 */
describe('culture (browser)', () => {
  let w: WebRapport;
  const tickets: Record<string, string> = {};

  beforeAll(async () => {
    w = await startWebRapport();
    const admin = w.r.as(await w.r.login('ada@rapport.example'));
    // One fresh e-mail ticket per contact, so the composer starts empty and pre-fills.
    for (const [key, email] of [['jp', 'yuki.tanaka@tanaka-seimitsu.example'], ['il', 'noa@galil-medical.example'], ['de', 'k.weber@kessler-mb.example']] as const) {
      const contacts = await admin('GET', `/api/v1/contacts?q=${encodeURIComponent(key === 'jp' ? '田中' : key === 'il' ? 'נועה' : 'Katrin')}`);
      const contact = contacts.body.items.find((c: { emails: string[] }) => c.emails.includes(email));
      // As if the customer had written in by e-mail.
      const { ticket } = await createTicket({ db: w.r.ctx.db, registry: w.r.ctx.registry, actorUserId: null }, {
        subject: `Culture check ${key}`, contactId: contact.id, organisationId: contact.organisationId, channel: 'email',
        message: { kind: 'message', direction: 'inbound', channel: 'email', author: { contactId: contact.id, name: contact.name }, bodyText: 'Please look at the machine.' },
      });
      tickets[key] = ticket.id;
    }
  });
  afterAll(async () => w?.stop());

  async function openTicket(page: Page, key: string) {
    await page.goto(`/tickets/${tickets[key]}`);
    await page.getByTestId('culture-card').getByTestId('culture-row-channels').waitFor();
  }

  it('shows the culture card with explanations and pre-fills an honorific Japanese greeting', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await openTicket(page, 'jp');
    const card = page.getByTestId('culture-card');
    await expect(card.getByTestId('culture-register').textContent()).resolves.toBe('Honorific');
    await expect(card.getByTestId('culture-salutation').textContent()).resolves.toBe('田中様');
    expect(await card.getByTestId('culture-channels').textContent()).toMatch(/^Email/);
    await card.getByTestId('culture-row-hierarchyCautions-toggle').click();
    await expect(card.getByTestId('culture-row-hierarchyCautions-why').textContent()).resolves.toMatch(/Power distance 54.*never go over the contact's head/);

    const text = page.getByTestId('composer-text');
    await expect.poll(() => text.inputValue()).toMatch(/^田中様\nいつもお世話になっております。/);
    expect(await text.inputValue()).toContain('何卒よろしくお願い申し上げます。');

    await text.fill('Hi Yuki,\nthe part ships tomorrow.');
    const warning = page.getByTestId('composer-warning-culture-informal-greeting');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/“Hi” is informal.*honorific.*田中様/);
    await text.fill('田中様\nいつもお世話になっております。\n部品は明日発送いたします。\n何卒よろしくお願い申し上げます。');
    await warning.waitFor({ state: 'detached' });
  });

  it('Israel: informal first-name greeting, Sunday–Thursday, low hierarchy', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await openTicket(page, 'il');
    const card = page.getByTestId('culture-card');
    await expect(card.getByTestId('culture-register').textContent()).resolves.toBe('Informal');
    await expect(card.getByTestId('culture-salutation').textContent()).resolves.toBe('שלום נועה,');
    expect(await card.getByTestId('culture-row-contactHours').textContent()).toMatch(/Sun–Thu/);
    expect(await card.getByTestId('culture-row-hierarchyCautions').textContent()).toMatch(/None/);
    // The contact prefers WhatsApp on her record: that step shows, with its reason.
    expect(await card.getByTestId('culture-row-channels-origin').textContent()).toBe('Contact');
    await card.getByTestId('culture-steps-toggle').click();
    expect(await page.getByTestId('culture-steps').textContent()).toMatch(/prefers WhatsApp \(contact record\)/);
  });

  it('lets an admin override a field for one contact, with a reason that every agent then sees', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'ada@rapport.example');
    await openTicket(page, 'de');
    const card = page.getByTestId('culture-card');
    await expect(card.getByTestId('culture-register').textContent()).resolves.toBe('Formal');
    await card.getByTestId('culture-override').click();
    const modal = page.getByTestId('override-modal');
    await modal.getByTestId('override-field').click();
    await page.getByRole('option', { name: 'Register', exact: true }).click();
    await modal.getByTestId('editor-register').click();
    await page.getByRole('option', { name: 'Informal', exact: true }).click();
    await modal.getByTestId('override-reason').fill('Dr. Weber asked us to use du after the site visit');
    await modal.getByTestId('override-save').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByTestId('culture-register').textContent()).toBe('Informal');
    expect(await card.getByTestId('culture-salutation').textContent()).toBe('Hallo Katrin,');

    const agent = await w.newPage();
    await w.signIn(agent, 'lea@rapport.example');
    await openTicket(agent, 'de');
    await agent.getByTestId('culture-steps-toggle').click();
    expect(await agent.getByTestId('culture-steps').textContent()).toMatch(/Dr\. Weber asked us to use du after the site visit/);
    expect(await agent.getByTestId('culture-override').count()).toBe(0);
  });

  it('Cultures page: compares countries on a chart and edits a curated field that changes the policy', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'maya@rapport.example');
    await page.goto('/cultures?compare=DE,JP');
    await page.getByTestId('culture-table').waitFor();
    const radar = page.getByTestId('dimension-chart-radar');
    await radar.locator('svg').waitFor();
    // The selection lives in the URL, so the box turns checked after the navigation, not on click.
    await page.getByTestId('compare-FI').click();
    await expect.poll(() => page.getByTestId('compare-FI').isChecked()).toBe(true);
    await expect.poll(() => radar.textContent()).toContain('Finland');
    expect(new URL(page.url()).searchParams.get('compare')).toBe('DE,JP,FI');
    await page.getByTestId('chart-mode').getByText('Bars').click();
    await page.getByTestId('dimension-chart-bar').locator('svg').waitFor();
    expect(await page.getByTestId('compare-table').textContent()).toMatch(/Finland/);
    expect(await page.getByTestId('hofstede-attribution').textContent()).toMatch(/Geert Hofstede/);

    await page.getByRole('link', { name: 'Finland' }).click();
    await page.getByTestId('profile-table').waitFor();
    expect(await page.getByTestId('attribution').textContent()).toMatch(/Hofstede.*date-holidays/);
    await expect.poll(() => page.getByTestId('policy-row-channels').textContent()).toMatch(/^Channels.*Email ›/);
    await page.getByTestId('edit-lewis').click();
    await page.getByTestId('lewis-linearActive').fill('0.2');
    await page.getByTestId('lewis-multiActive').fill('0.7');
    await page.getByTestId('lewis-reactive').fill('0.1');
    await page.getByTestId('curated-note').fill('Our Finnish customers phone');
    await page.getByTestId('curated-save').click();
    await page.getByTestId('curated-note').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('policy-row-channels').textContent()).toMatch(/Phone ›/);
    expect(await page.getByTestId('profile-lewis').textContent()).toMatch(/Our Finnish customers phone/);
  });

  it('shows the card and its explanations in Hebrew, right to left', async () => {
    const page = await w.newPage({ locale: 'he-IL' });
    await w.signIn(page, 'arjun@rapport.example');
    await openTicket(page, 'jp');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const card = page.getByTestId('culture-card');
    await expect(card.getByTestId('culture-register').textContent()).resolves.toBe('לשון כבוד');
    await card.getByTestId('culture-row-channels-toggle').click();
    expect(await card.getByTestId('culture-row-channels-why').textContent()).toMatch(/^דוא״ל קודם/);
  });

  it('answers the not-found page for an unknown country', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'maya@rapport.example');
    await page.goto('/cultures/QQ');
    await page.getByText('Not found').first().waitFor();
  });
});
