/**
 * Issue 11, "The agent's day", in the browser: the shortcut list, the requester in the ticket
 * header, a search that says it is working, promise times in the profile's zone on a channel
 * that can send, the Polish greeting, "just now" for a fresh breach, hand-off drafts in the UI
 * language, `dir="auto"` on what people type, phones, and no clipped text in en, he and pl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWebRapport, type WebRapport } from './support.js';

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

describe('the agent\'s day', () => {
  let w: WebRapport;
  let tomasz: ReturnType<WebRapport['r']['as']>;
  beforeAll(async () => {
    w = await startWebRapport();
    tomasz = w.r.as(await w.r.login('tomasz@rapport.example'));
  });
  afterAll(async () => w?.stop());

  const ticketsOf = async (organisation: string) =>
    ((await tomasz('GET', '/api/v1/tickets?limit=100')).body.items as any[]).filter((t) => t.organisation?.name === organisation);

  it('opens the shortcut list with ?', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/all');
    await page.getByTestId('queue-table').waitFor();
    await page.keyboard.press('Shift+Slash');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  });

  it('names the requester, organisation and country in the ticket header', async () => {
    const [ticket] = await ticketsOf('Wiśniewski Logistyka Sp. z o.o.');
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${ticket.id}`);
    const header = page.getByTestId('ticket-requester');
    await header.waitFor();
    expect(await page.getByTestId('ticket-requester-name').textContent()).toBe(ticket.contact.name);
    expect(await page.getByTestId('ticket-requester-organisation').textContent()).toBe('Wiśniewski Logistyka Sp. z o.o.');
    expect(await page.getByTestId('ticket-requester-country').textContent()).toContain('Poland');
  });

  it('dims the old rows under a spinner while a search runs', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/all');
    await page.getByTestId('queue-table').waitFor();
    await page.route(/\/api\/v1\/tickets\?.*q=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByTestId('queue-search').fill('Imbottigliatrice');
    await page.getByTestId('queue-refreshing').waitFor();
    expect(await page.getByTestId('queue-results').getAttribute('aria-busy')).toBe('true');
    await page.getByTestId('queue-refreshing').waitFor({ state: 'detached' });
    const subjects = await page.getByTestId('queue-ticket-link').allTextContents();
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.every((s) => s.includes('Imbottigliatrice'))).toBe(true);
  });

  it('reads a promise time in the profile\'s zone, whatever the browser\'s, on a channel that can send', async () => {
    // Tomasz's profile is in Warsaw; his browser says New York.
    const [ticket] = await ticketsOf('Järvinen Oy');
    const page = await w.newPage({ timezoneId: 'America/New_York' });
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('promise-add').click();
    const form = page.getByTestId('promise-form');
    await form.locator('input[type=datetime-local]').fill('2027-01-15T10:00');
    const replyChannels = (await tomasz('GET', `/api/v1/tickets/${ticket.id}/reply-channels`)).body;
    const usable = replyChannels.options.filter((o: any) => o.available).map((o: any) => o.channel);
    await expect.poll(async () => page.getByTestId('promise-channel').inputValue()).not.toBe('');
    await page.getByTestId('promise-save').click();
    await page.getByTestId('promise-row').first().waitFor();
    const promises = (await tomasz('GET', `/api/v1/tickets/${ticket.id}/promises`)).body.items as any[];
    const made = promises.find((p) => p.dueAt === '2027-01-15T09:00:00.000Z');
    expect(made, JSON.stringify(promises)).toBeDefined();
    expect(usable).toContain(made.channel);
    // Shown back as the 10:00 that was typed.
    expect(await page.getByTestId('promise-row').filter({ hasText: '10:00' }).count()).toBeGreaterThan(0);
  });

  it('greets a Polish contact as an earlier reply did, and takes "Szanowni Państwo," as a greeting', async () => {
    const tickets = await ticketsOf('Wiśniewski Logistyka Sp. z o.o.');
    let target: any;
    for (const t of tickets) {
      const messages = (await tomasz('GET', `/api/v1/tickets/${t.id}/messages`)).body.items as any[];
      if (!target && t.channel !== 'phone' && messages.some((m) => m.direction === 'outbound' && m.bodyText.startsWith('Szanowna Pani,'))) target = t;
    }
    expect(target, 'a demo ticket where we wrote "Szanowna Pani,"').toBeDefined();
    const page = await w.newPage({ locale: 'pl-PL' });
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto(`/tickets/${target.id}`);
    const text = page.getByTestId('composer-text');
    await expect.poll(async () => (await text.inputValue()).split('\n')[0], { timeout: 15_000 }).toBe('Szanowna Pani,');
    await text.fill('Szanowni Państwo,\n\nczęść jest w drodze.\n\nZ wyrazami szacunku\nTomasz Nowak');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('composer-warning-culture-missing-greeting').count()).toBe(0);
    await text.fill('część jest w drodze.\n\nZ wyrazami szacunku\nTomasz Nowak');
    await page.getByTestId('composer-warning-culture-missing-greeting').waitFor();
  });

  it('says "just now" for a clock breached seconds ago, never "0 min over"', async () => {
    const page = await w.newPage();
    await w.signIn(page, 'tomasz@rapport.example');
    await page.route(/\/api\/v1\/sla\/tickets\?/, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.items = body.items.map((i: any, n: number) => (n === 0 ? { ...i, state: 'breached', metric: i.metric ?? 'first_response', remainingBusinessMinutes: -0.4 } : i));
      await route.fulfill({ response, json: body });
    });
    await page.goto('/views/all');
    const breached = page.locator('[data-testid=queue-sla][data-sla-state=breached] [data-testid=queue-sla-left]');
    await breached.first().waitFor();
    const texts = await breached.allTextContents();
    expect(texts).toContain('just now');
    expect(texts.some((t) => /^0 min/.test(t))).toBe(false);
  });

  it('words the hand-off draft in the UI language, and a transfer to a person keeps the team', async () => {
    const [ticket] = (await ticketsOf('Wiśniewski Logistyka Sp. z o.o.')).filter((t) => t.team?.name === 'EMEA');
    const page = await w.newPage({ locale: 'pl-PL' });
    await w.signIn(page, 'maya@rapport.example');
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('transfer-open').click();
    // No team picked means the case keeps its team, and the field says so.
    expect(await page.getByTestId('transfer-team').getAttribute('placeholder')).toBe('Bez zmiany (EMEA)');
    await page.getByTestId('transfer-assignee').click();
    await page.getByRole('option', { name: 'Lea Hoffmann' }).click();
    const summary = page.getByTestId('transfer-summary');
    await expect.poll(async () => summary.inputValue()).toMatch(/^Sprawa: /);
    const draft = await summary.inputValue();
    expect(draft).not.toMatch(/time\(s\)|Next step|They asked|Agent:/);
    expect(draft).toMatch(/Klient kontaktował się z nami (raz|\d+ razy)/);
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('transfer-dialog').waitFor({ state: 'detached' });
    const after = (await tomasz('GET', `/api/v1/tickets/${ticket.id}`)).body;
    expect(after.assigneeId).toBe((await tomasz('GET', '/api/v1/users?limit=100')).body.items.find((u: any) => u.name === 'Lea Hoffmann').id);
    expect(after.team?.name).toBe('EMEA');
  });

  it('gives what people type and user text dir="auto"', async () => {
    const [ticket] = await ticketsOf('Galil Medical Systems');
    const page = await w.newPage({ locale: 'he-IL' });
    await w.signIn(page, 'maya@rapport.example');
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('composer-text').waitFor();
    expect(await page.getByTestId('composer-text').getAttribute('dir')).toBe('auto');
    expect(await page.getByTestId('ticket-subject').getAttribute('dir')).toBe('auto');
    const withoutDir = await page.evaluate(() =>
      Array.from(document.querySelectorAll('textarea, input[type=text], input:not([type]), input[type=search], input[type=email]'))
        .filter((e) => !(e as HTMLElement).closest('[aria-hidden=true]') && e.getAttribute('dir') !== 'auto' && !e.hasAttribute('readonly'))
        .map((e) => e.outerHTML.slice(0, 120)),
    );
    expect(withoutDir).toEqual([]);
    await page.goto('/views/all');
    await page.getByTestId('queue-ticket-link').first().waitFor();
    expect(await page.getByTestId('queue-search').getAttribute('dir')).toBe('auto');
    expect(await page.getByTestId('queue-ticket-link').first().getAttribute('dir')).toBe('auto');
  });

  it('is usable on a phone: queue cards with whole subjects and SLA, a portal with its header intact', async () => {
    const page = await w.newPage({ locale: 'pl-PL', viewport: phone });
    await w.signIn(page, 'tomasz@rapport.example');
    await page.goto('/views/all');
    await page.getByTestId('queue-cards').waitFor();
    const link = page.getByTestId('queue-ticket-link').first();
    expect(await link.isVisible()).toBe(true);
    expect((await link.boundingBox())!.width).toBeGreaterThan(150);
    await page.getByTestId('queue-sla-left').first().waitFor();
    expect(await clipped(page, '[data-testid=queue-card] *')).toEqual([]);
    // The whole top bar fits, the user menu included.
    const header = await page.locator('header').evaluate((h) => Array.from(h.querySelectorAll('button, a')).map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.right));
    expect(Math.max(...header)).toBeLessThanOrEqual(phone.width);
    for (const box of await page.getByTestId('queue-card').evaluateAll((cards) => cards.slice(0, 6).map((c) => c.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(phone.width);
    }

    const portal = await w.newPage({ viewport: phone });
    await w.signIn(portal, 'yuki.tanaka@tanaka-seimitsu.example');
    await portal.goto('/portal');
    await portal.getByTestId('queue-cards').waitFor();
    const nav = portal.getByRole('navigation').getByRole('link').first();
    const navBox = (await nav.boundingBox())!;
    expect(navBox.x).toBeGreaterThanOrEqual(0);
    expect(navBox.x + navBox.width).toBeLessThanOrEqual(phone.width);
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect((await portal.getByTestId('queue-ticket-link').first().boundingBox())!.width).toBeGreaterThan(100);
  });

  describe.each(['en-US', 'he-IL', 'pl-PL'])('no clipped text in %s', (locale) => {
    it.each([['desktop', desktop], ['phone', phone]] as const)('on the queue and the ticket page, %s', async (_name, viewport) => {
      const page = await w.newPage({ locale, viewport });
      await w.signIn(page, 'tomasz@rapport.example');
      await page.goto('/views/all');
      await page.getByTestId('queue-sla-left').first().waitFor();
      await page.waitForTimeout(300);
      const queue = await clipped(page, UI_TEXT);
      expect(queue, `queue ${locale} ${viewport.width}`).toEqual([]);
      const href = await page.getByTestId('queue-ticket-link').first().getAttribute('href');
      await page.goto(href!);
      await page.getByTestId('composer-text').waitFor();
      await page.waitForTimeout(500);
      const ticket = await clipped(page, UI_TEXT);
      expect(ticket, `ticket ${locale} ${viewport.width}`).toEqual([]);
    });
  });
});

/**
 * The interface's own words: column headers, badges, labels, buttons, tabs, SLA times and the
 * placeholders of inputs. User text (subjects, names) may be cut with an ellipsis on purpose.
 */
const UI_TEXT = [
  'th', '.mantine-Badge-label', 'label', '.mantine-Button-label', '.mantine-Tabs-tabLabel', '.mantine-SegmentedControl-label',
  '[data-testid=queue-sla-left]', 'input[placeholder]', 'textarea[placeholder]', '.mantine-InputWrapper-description',
].join(', ');

/** Elements whose text does not fit: wider than their box while hidden or cut with an ellipsis; placeholders wider than their input. */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        if (!el.placeholder || el.value) continue;
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const need = el instanceof HTMLTextAreaElement ? 0 : canvas.measureText(el.placeholder).width;
        if (need > room + 1) out.push(`placeholder "${el.placeholder}" needs ${Math.ceil(need)} px, has ${Math.floor(room)}`);
        continue;
      }
      const cuts = style.textOverflow === 'ellipsis' || style.overflow !== 'visible' || style.overflowX !== 'visible';
      if (cuts && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
      // Text running past the cell it sits in (an SLA time over its column).
      const cell = el.closest('td, th');
      if (cell && el !== cell && rect.right > cell.getBoundingClientRect().right + 1) out.push(`"${(el.textContent ?? '').trim().slice(0, 40)}" runs past its cell`);
    }
    return [...new Set(out)];
  }, selector);
}
