import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRapport, type WebRapport } from './support.js';

/** The edit forms share one footer: Save stays disabled until the form can be sent, and a refusal is shown. */
describe('organisation and user forms', () => {
  let w: WebRapport;

  beforeAll(async () => {
    w = await startWebRapport();
  });
  afterAll(async () => w?.stop());

  it('creates an organisation once it has a name', async () => {
    const page = await w.newPage();
    await page.goto('/organisations');
    await page.waitForURL(/\/sign-in\?next=/);
    await w.signIn(page, 'ada@rapport.example');
    await page.getByTestId('org-create').click();
    const save = page.getByTestId('org-save');
    expect(await save.isDisabled()).toBe(true);
    await page.getByTestId('org-name').fill('Nordlicht Energie AG');
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    const cookie = await w.r.login('ada@rapport.example');
    await expect
      .poll(async () => (await w.r.as(cookie)('GET', '/api/v1/organisations?q=Nordlicht')).body.items.map((o: { name: string }) => o.name), { timeout: 15_000 })
      .toEqual(['Nordlicht Energie AG']);
  });

  it('shows the server\'s refusal of a duplicate user email', async () => {
    const page = await w.newPage();
    await page.goto('/admin/users');
    await page.waitForURL(/\/sign-in\?next=/);
    await w.signIn(page, 'ada@rapport.example');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-name').fill('Second Tomasz');
    await page.getByTestId('user-email').fill('tomasz@rapport.example');
    await page.getByTestId('user-password').fill('long-enough-password');
    await page.getByTestId('user-save').click();
    const error = page.getByTestId('user-form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('tomasz@rapport.example');
  });
});
