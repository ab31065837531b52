import { describe, expect, it } from 'vitest';
import { classifyAutomation, parseContentType } from './auto-reply.js';

const h = (pairs: Record<string, string>) =>
  Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k.toLowerCase(), [v]]));

describe('classifyAutomation', () => {
  it('lets a plain human message through', () => {
    const v = classifyAutomation({
      headers: h({ 'Content-Type': 'text/plain; charset=utf-8' }),
      from: 'anna@example.pl',
      envelopeFrom: 'anna@example.pl',
      subject: 'Pompa przecieka',
    });
    expect(v).toEqual({ automated: false, kind: null, reasons: [], mayOpenTicket: true, mayAutoReply: true });
  });

  it('treats Auto-Submitted: auto-replied as an auto-reply that opens nothing', () => {
    const v = classifyAutomation({ headers: h({ 'Auto-Submitted': 'auto-replied (vacation)' }), subject: 'Re: pump' });
    expect(v).toMatchObject({ automated: true, kind: 'auto-reply', mayOpenTicket: false, mayAutoReply: false });
  });

  it('treats Auto-Submitted: no as human', () => {
    expect(classifyAutomation({ headers: h({ 'Auto-Submitted': 'no' }) }).automated).toBe(false);
  });

  it('recognises a DSN bounce by its content type', () => {
    const v = classifyAutomation({
      headers: h({ 'Content-Type': 'multipart/report; report-type="delivery-status"; boundary="x"' }),
      from: 'MAILER-DAEMON@mx.example.com',
      envelopeFrom: '',
      subject: 'Undelivered Mail Returned to Sender',
    });
    expect(v.kind).toBe('bounce');
    expect(v.reasons).toContain('sender is MAILER-DAEMON');
    expect(v.reasons.some((r) => r.includes('delivery-status'))).toBe(true);
    expect(v.mayOpenTicket).toBe(false);
  });

  it('recognises read receipts and abuse feedback reports', () => {
    expect(
      classifyAutomation({ headers: h({ 'Content-Type': 'multipart/report; report-type=disposition-notification' }) }).kind,
    ).toBe('read-receipt');
    expect(classifyAutomation({ headers: h({ 'Content-Type': 'multipart/report; report-type=feedback-report' }) }).kind).toBe(
      'feedback-report',
    );
  });

  it('recognises X-Failed-Recipients as a bounce', () => {
    expect(classifyAutomation({ headers: h({ 'X-Failed-Recipients': 'x@y' }) }).kind).toBe('bounce');
  });

  it('uses the bounce subject only from a system sender', () => {
    expect(classifyAutomation({ headers: {}, from: 'postmaster@corp.example', subject: 'Undeliverable: Pump' }).kind).toBe(
      'bounce',
    );
    expect(classifyAutomation({ headers: {}, from: 'joe@corp.example', subject: 'Undeliverable parcel' }).automated).toBe(
      false,
    );
  });

  it('never auto-answers the null sender, even when it looks human', () => {
    const v = classifyAutomation({ headers: {}, from: 'joe@corp.example', envelopeFrom: '' });
    expect(v).toMatchObject({ automated: false, mayOpenTicket: true, mayAutoReply: false });
  });

  it('reads the null sender from Return-Path when there is no envelope (IMAP)', () => {
    expect(classifyAutomation({ headers: h({ 'Return-Path': '<>' }) }).mayAutoReply).toBe(false);
  });

  it.each([
    ['Automatic reply: Pump', 'en'],
    ['Automatische Antwort: Pumpe', 'de'],
    ['Odpowiedź automatyczna: Pompa', 'pl'],
    ['תשובה אוטומטית: משאבה', 'he'],
    ['自動返信: ポンプ', 'ja'],
    ['Out of Office: back Monday', 'en'],
  ])('recognises auto-reply subject %s (%s)', (subject) => {
    expect(classifyAutomation({ headers: {}, subject }).kind).toBe('auto-reply');
  });

  it('recognises the X-Autoreply family and Precedence values', () => {
    expect(classifyAutomation({ headers: h({ 'X-Autoreply': 'yes' }) }).kind).toBe('auto-reply');
    expect(classifyAutomation({ headers: h({ Precedence: 'auto_reply' }) }).kind).toBe('auto-reply');
    expect(classifyAutomation({ headers: h({ Precedence: 'junk' }) })).toMatchObject({ kind: 'junk', mayOpenTicket: false });
  });

  it('lets bulk and list mail open a ticket but never auto-answers it', () => {
    expect(classifyAutomation({ headers: h({ Precedence: 'bulk' }) })).toMatchObject({
      kind: 'bulk',
      mayOpenTicket: true,
      mayAutoReply: false,
    });
    expect(classifyAutomation({ headers: h({ 'List-Id': '<users.lists.example>' }) })).toMatchObject({
      kind: 'list',
      mayOpenTicket: true,
      mayAutoReply: false,
    });
  });

  it('respects X-Auto-Response-Suppress without refusing the ticket', () => {
    expect(classifyAutomation({ headers: h({ 'X-Auto-Response-Suppress': 'DR, RN, NRN, OOF, AutoReply' }) })).toMatchObject({
      automated: false,
      mayOpenTicket: true,
      mayAutoReply: false,
    });
  });

  it('detects our own loop marker', () => {
    const v = classifyAutomation({ headers: h({ 'X-Loop': 'Rapport@Help.Example' }), ownLoopMarkers: ['rapport@help.example'] });
    expect(v).toMatchObject({ kind: 'loop', mayOpenTicket: false });
  });

  it('ranks a bounce above bulk', () => {
    const v = classifyAutomation({ headers: h({ Precedence: 'bulk', 'X-Failed-Recipients': 'a@b' }) });
    expect(v.kind).toBe('bounce');
    expect(v.reasons).toEqual(['X-Failed-Recipients header', 'Precedence: bulk']);
  });
});

describe('parseContentType', () => {
  it('parses type and quoted parameters', () => {
    expect(parseContentType('Multipart/Report; report-type="delivery-status"; boundary="ab;c"')).toEqual({
      type: 'multipart/report',
      params: { 'report-type': 'delivery-status', boundary: 'ab;c' },
    });
    expect(parseContentType(undefined)).toEqual({ type: '', params: {} });
  });
});
