import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTicket, makeUser } from '../support/factories.js';
import { startWebRapport, type WebRapport } from './support.js';

/** Moving a case from its owner in the side panel asks for a hand-off summary instead of just moving it. */
describe('hand-off when the owner changes', () => {
  let w: WebRapport;

  beforeAll(async () => {
    w = await startWebRapport();
  });
  afterAll(async () => w?.stop());

  it('opens the transfer dialog, and the case moves only with a summary', async () => {
    const db = w.r.ctx.db;
    const owner = await makeUser(db, 'agent', { name: 'Olga Owner' });
    const next = await makeUser(db, 'agent', { name: 'Nils Next' });
    const ticket = await makeTicket(w.r.ctx, { subject: 'Hand-off check', assigneeId: owner.id, status: 'open' });
    const page = await w.newPage();
    await page.goto(`/tickets/${ticket.id}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await w.signIn(page, 'tomasz@rapport.example');
    await page.waitForURL(new RegExp(`/tickets/${ticket.id}$`));
    await page.getByTestId('field-assignee').click();
    await page.getByRole('option', { name: 'Nils Next' }).click();
    const summary = page.getByTestId('transfer-summary');
    await summary.waitFor();
    const cookie = await w.r.login('tomasz@rapport.example');
    // Nothing moved yet: the dialog waits for the summary.
    expect((await w.r.as(cookie)('GET', `/api/v1/tickets/${ticket.id}`)).body.assigneeId).toBe(owner.id);
    await summary.fill('Customer reports a jammed spindle; logs are attached, next step is a site visit.');
    await page.getByTestId('transfer-submit').click();
    await expect.poll(async () => (await w.r.as(cookie)('GET', `/api/v1/tickets/${ticket.id}`)).body.assigneeId, { timeout: 15_000 }).toBe(next.id);
  });
});
