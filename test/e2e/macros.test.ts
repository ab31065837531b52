import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/tickets/commands.js';
import { startWebRapport, type WebRapport } from './support.js';

/**
 * Macros in a real browser on the demo data: the picker opened with Ctrl+Shift+M on a Polish
 * ticket inserts the formal Polish variant; typed `::` on a Japanese ticket inserts the honorific
 * variant with 様 and applies its actions (pending, a promise in 8 business hours).
 */
describe('macros (browser)', () => {
  let w: WebRapport;
  const tickets: Record<string, { id: string; number: number }> = {};

  beforeAll(async () => {
    w = await startWebRapport();
    const admin = w.r.as(await w.r.login('ada@rapport.example'));
    for (const [key, q, email] of [['pl', 'Agnieszka', 'a.wisniewska@wisniewski-log.example'], ['jp', '田中', 'yuki.tanaka@tanaka-seimitsu.example']] as const) {
      const contacts = await admin('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}`);
      const contact = contacts.body.items.find((c: { emails: string[] }) => c.emails.includes(email));
      const { ticket } = await createTicket({ db: w.r.ctx.db, registry: w.r.ctx.registry, actorUserId: null }, {
        subject: `Macro check ${key}`, contactId: contact.id, organisationId: contact.organisationId, channel: 'email',
        message: { kind: 'message', direction: 'inbound', channel: 'email', author: { contactId: contact.id, name: contact.name }, bodyText: 'The machine stopped.' },
      });
      tickets[key] = ticket;
    }
  });
  afterAll(async () => w?.stop());

  it('Polish ticket: Ctrl+Shift+M, search, the formal Polish variant goes into the composer', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${tickets.pl.id}`);
    const text = page.getByTestId('composer-text');
    await text.waitFor();
    await text.fill('');
    await text.focus();
    await page.keyboard.press('Control+Shift+M');
    await page.getByTestId('macro-search').fill('serial');
    await page.getByTestId('macro-option').filter({ hasText: 'Ask for serial number' }).click();
    await expect.poll(() => page.getByTestId('macro-variant').textContent()).toMatch(/Polish, formal · matches the ticket's language and register/);
    await page.getByTestId('macro-insert').click();
    await expect.poll(() => text.inputValue()).toMatch(/^Szanowna Pani \/ Szanowny Panie,\n\ndziękujemy/);
    expect(await text.inputValue()).toContain(`#${tickets.pl.number}`);
    expect(await text.inputValue()).toContain('Tomasz');
  });

  it('Japanese ticket at 390 px: typing :: opens the picker; the macro with actions inserts 田中様 and applies them', async () => {
    const page = await w.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${tickets.jp.id}`);
    const text = page.getByTestId('composer-text');
    await text.waitFor();
    await text.fill('');
    await text.pressSequentially('::');
    await page.getByTestId('macro-search').waitFor();
    await page.getByTestId('macro-option').filter({ hasText: 'Waiting for the part' }).click();
    await expect.poll(() => page.getByTestId('macro-variant').textContent()).toMatch(/Japanese, honorific/);
    const insert = page.getByTestId('macro-insert');
    expect(await insert.textContent()).toMatch(/Insert and set Pending.*8 business hours/);
    await insert.click();
    await expect.poll(() => text.inputValue()).toMatch(/^田中様\n\nいつもお世話になっております。/);
    expect(await text.inputValue()).not.toContain('{{');
    const agent = w.r.as(await w.r.login('tomasz@rapport.example'));
    expect((await agent('GET', `/api/v1/tickets/${tickets.jp.id}`)).body.status).toBe('pending');
    expect((await agent('GET', `/api/v1/tickets/${tickets.jp.id}/promises`)).body.items).toHaveLength(1);
    // Nothing spills sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('the Macros page: an agent keeps a personal macro; an unknown placeholder blocks saving', async () => {
    const page = await w.newPage({ locale: 'pl' });
    await page.setViewportSize({ width: 390, height: 844 });
    await w.signIn(page, 'lea@rapport.example');
    await page.goto('/macros');
    await page.getByTestId('macros-table').waitFor();
    expect(await page.getByTestId('macro-row').filter({ hasText: 'Ask for serial number' }).count()).toBe(1);
    await page.getByTestId('macro-new').click();
    await page.getByTestId('macro-title').fill('Moje podziękowanie');
    const body = page.getByRole('textbox', { name: 'Treść' });
    await body.fill('Dziękuję, {{contact.imie}}!');
    await page.getByText('Nieznane pole: {{contact.imie}}').waitFor();
    expect(await page.getByTestId('macro-save').isDisabled()).toBe(true);
    await body.fill('Dziękuję, {{contact.name}}! {{agent.name}}');
    await page.getByTestId('macro-save').click();
    await page.getByTestId('macro-row').filter({ hasText: 'Moje podziękowanie' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const mine = await w.r.as(await w.r.login('lea@rapport.example'))('GET', '/api/v1/macros?q=podzi');
    expect(mine.body.items).toMatchObject([{ scope: 'personal', variants: [{ language: 'en', register: 'formal' }] }]);
    const other = await w.r.as(await w.r.login('aiko@rapport.example'))('GET', '/api/v1/macros?q=podzi');
    expect(other.body.items).toHaveLength(0);
  });
});
