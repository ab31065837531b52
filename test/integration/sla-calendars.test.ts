import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const israel = {
  timeZone: 'Asia/Jerusalem',
  hours: { sun: [['08:00', '17:00']], mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']] },
  holidayCountry: 'IL',
};

describe.each(databaseKinds)('calendars API on %s', (kind) => {
  let r: TestRapport;
  let admin: ReturnType<TestRapport['as']>;
  let agent: ReturnType<TestRapport['as']>;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    await makeUser(r.ctx.db, 'agent', { email: 'cal-agent@staff.example' });
    agent = r.as(await r.login('cal-agent@staff.example'));
  });
  afterAll(async () => r?.stop());

  it('computes a due time on an inline calendar across the Israeli weekend and Passover', async () => {
    // Wednesday 1 April 2026 16:00 Israel time, 120 business minutes: one hour on Wednesday, Thursday
    // is Passover, Friday and Saturday are the weekend, so the second hour is Sunday 08:00–09:00.
    const res = await agent('POST', '/api/v1/calendars/due', { calendar: israel, start: '2026-04-01T13:00:00Z', minutes: 120 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ due: '2026-04-05T06:00:00.000Z' });
  });

  it('treats an always-open calendar as wall-clock time, across DST', async () => {
    const res = await agent('POST', '/api/v1/calendars/due', { calendar: { timeZone: 'America/New_York', alwaysOpen: true }, start: '2026-03-08T06:00:00Z', minutes: 180 });
    expect(res.body.due).toBe('2026-03-08T09:00:00.000Z');
  });

  it('answers 400 with the reason for bad input', async () => {
    const zone = await agent('POST', '/api/v1/calendars/due', { calendar: { ...israel, timeZone: 'Mars/Olympus' }, start: '2026-04-01T13:00:00Z', minutes: 5 });
    expect(zone.status).toBe(400);
    expect(zone.headers['content-type']).toContain('application/problem+json');
    expect(zone.body.errors).toContainEqual({ path: 'body.calendar.timeZone', message: expect.stringContaining('"Mars/Olympus" is not an IANA time zone') });

    const hour = await agent('POST', '/api/v1/calendars/due', { calendar: { timeZone: 'UTC', hours: { mon: [['09:00', '25:00']] } }, start: '2026-04-01T13:00:00Z', minutes: 5 });
    expect(hour.status).toBe(400);
    expect(hour.body.detail).toContain('"25:00" is not a time of day');

    const backwards = await agent('POST', '/api/v1/calendars/due', { calendar: { timeZone: 'UTC', hours: { mon: [['17:00', '09:00']] } }, start: '2026-04-01T13:00:00Z', minutes: 5 });
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toContain('ends before it starts');

    const negative = await agent('POST', '/api/v1/calendars/due', { calendar: israel, start: '2026-04-01T13:00:00Z', minutes: -5 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toContainEqual({ path: 'body.minutes', message: 'must not be negative' });

    const noZone = await agent('POST', '/api/v1/calendars/due', { calendar: israel, start: '2026-04-01T13:00:00', minutes: 5 });
    expect(noZone.status).toBe(400);
    expect(noZone.body.errors[0].path).toBe('body.start');
  });

  it('stores calendars (admins only), audits them and computes on a stored one by id', async () => {
    expect((await agent('POST', '/api/v1/calendars', { name: 'Nope', definition: israel })).status).toBe(403);
    const created = await admin('POST', '/api/v1/calendars', { name: 'Haifa office', definition: israel });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Haifa office', country: null, weeklyOpenMinutes: 5 * 9 * 60 });
    const due = await agent('POST', '/api/v1/calendars/due', { calendar: { id: created.body.id }, start: '2026-04-01T13:00:00Z', minutes: 120 });
    expect(due.body.due).toBe('2026-04-05T06:00:00.000Z');
    const patched = await admin('PATCH', `/api/v1/calendars/${created.body.id}`, { name: 'Haifa office (HQ)' });
    expect(patched.body.name).toBe('Haifa office (HQ)');
    const list = await agent('GET', '/api/v1/calendars');
    expect(list.body.items.map((c: any) => c.name)).toContain('Haifa office (HQ)');
    const holidays = await agent('GET', `/api/v1/calendars/${created.body.id}/holidays?year=2026`);
    expect(holidays.body.items).toContainEqual(expect.objectContaining({ date: '2026-04-02', source: 'country' }));
    const unknown = await agent('POST', '/api/v1/calendars/due', { calendar: { id: '01900000-0000-7000-8000-000000000000' }, start: '2026-04-01T13:00:00Z', minutes: 1 });
    expect(unknown.status).toBe(404);
    expect((await admin('DELETE', `/api/v1/calendars/${created.body.id}`)).status).toBe(204);
  });

  it('gives every country a default calendar from its workweek, and lets admins override it', async () => {
    const sa = await agent('GET', '/api/v1/calendars/countries/SA');
    expect(sa.body).toMatchObject({ country: 'SA', source: 'default', definition: { timeZone: 'Asia/Riyadh', holidayCountry: 'SA' } });
    expect(Object.keys(sa.body.definition.hours).sort()).toEqual(['mon', 'sun', 'thu', 'tue', 'wed']);
    const ae = await agent('GET', '/api/v1/calendars/countries/ae');
    expect(Object.keys(ae.body.definition.hours).sort()).toEqual(['fri', 'mon', 'thu', 'tue', 'wed']);

    const override = await admin('POST', '/api/v1/calendars', { name: 'Israel with Friday mornings', country: 'IL', definition: { ...israel, hours: { ...israel.hours, fri: [['08:00', '12:00']] } } });
    expect(override.status).toBe(201);
    const il = await agent('GET', '/api/v1/calendars/countries/IL?year=2026');
    expect(il.body).toMatchObject({ source: 'override', calendarId: override.body.id });
    expect(il.body.definition.hours.fri).toEqual([['08:00', '12:00']]);
    expect(il.body.holidays.map((h: any) => h.date)).toContain('2026-09-21');
    const twice = await admin('POST', '/api/v1/calendars', { name: 'Another Israel', country: 'IL', definition: israel });
    expect(twice.status).toBe(409);

    const audit = await queryRows<{ action: string }>(r.ctx.db, sql`select action from audit_log where entity = 'calendar' and entity_id = ${override.body.id}`);
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });
});
