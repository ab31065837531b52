import { describe, expect, it } from 'vitest';
import { draftHandoffSummary, type TimelineEntry } from './handoff-summary.js';

const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
const timeline: TimelineEntry[] = [
  { at: at(8), kind: 'message', direction: 'inbound', authorName: 'Dana Levi', channel: 'email', text: 'The scanner at the Haifa site stopped   feeding paper.' },
  { at: at(9), kind: 'message', direction: 'outbound', authorName: 'Noa', channel: 'email', text: 'We are checking the logs.' },
  { at: at(10), kind: 'note', direction: 'internal', authorName: 'Noa', channel: 'internal', text: 'Firmware 4.2 known issue; needs field visit.' },
  { at: at(11), kind: 'message', direction: 'inbound', authorName: 'Dana Levi', channel: 'phone', text: 'Any news? We need it for tomorrow.' },
];

describe('hand-off summary draft', () => {
  it('tells the story from the record so nobody asks the customer again', () => {
    const text = draftHandoffSummary({
      subject: 'Scanner not feeding',
      customerName: 'Dana Levi',
      organisationName: 'Carmel Logistics',
      fromOwner: 'Noa',
      toOwner: 'Field team',
      timeline,
      openPromises: [{ dueAt: at(15), channel: 'phone' }],
      patienceScore: 62,
      patienceReasons: ['repeat_contacts'],
      formatInstant: (d) => d.toISOString().slice(11, 16),
    });
    expect(text.split('\n')).toEqual([
      'Case: Scanner not feeding — Dana Levi, Carmel Logistics',
      'The customer has contacted us 2 times since 08:00 (email, phone).',
      'They asked: "The scanner at the Haifa site stopped feeding paper."',
      'Latest from them (11:00): "Any news? We need it for tomorrow."',
      'Done so far:',
      '- 09:00 Noa: We are checking the logs.',
      '- 10:00 Noa (internal note): Firmware 4.2 known issue; needs field visit.',
      'Promised: an update by 15:00 via phone.',
      'Patience: 62/100 (repeat contacts).',
      'Handed over from Noa to Field team.',
    ]);
  });

  it('says "once", leaves out what it has nothing to say about, and never signs as a nameless "Agent"', () => {
    const text = draftHandoffSummary({
      subject: 'Scanner not feeding', customerName: null, organisationName: null, fromOwner: null, toOwner: null,
      timeline: [timeline[0]!, { ...timeline[1]!, authorName: null }], openPromises: [], patienceScore: null, patienceReasons: [],
      formatInstant: (d) => d.toISOString().slice(11, 16),
    });
    expect(text.split('\n')).toEqual([
      'Case: Scanner not feeding',
      'The customer has contacted us once since 08:00 (email).',
      'They asked: "The scanner at the Haifa site stopped feeding paper."',
      'Done so far:',
      '- 09:00: We are checking the logs.',
    ]);
    expect(text).not.toMatch(/Next step|time\(s\)|Agent:/);
  });
});
