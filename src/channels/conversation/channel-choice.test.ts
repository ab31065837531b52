import { describe, expect, it } from 'vitest';
import { chooseReplyChannel, fromPolicyChannel } from './channel-choice.js';

const opts = (...available: string[]) =>
  ['email', 'whatsapp', 'sms', 'telegram', 'chat', 'web'].map((channel) => ({ channel, available: available.includes(channel) }));

describe('chooseReplyChannel', () => {
  it('answers on the channel the customer last wrote on', () => {
    expect(chooseReplyChannel({ usedByCustomer: ['whatsapp', 'email'], policyChannels: ['email'], options: opts('email', 'whatsapp') })).toEqual({
      channel: 'whatsapp',
      reason: 'last-used',
    });
  });

  it('falls to the culture policy when the last channel cannot be used (WhatsApp window closed)', () => {
    expect(chooseReplyChannel({ usedByCustomer: ['whatsapp', 'email'], policyChannels: ['phone', 'sms', 'email'], options: opts('email', 'sms') })).toEqual({
      channel: 'sms',
      reason: 'policy',
    });
  });

  it('uses the policy for a ticket the customer never wrote on', () => {
    expect(chooseReplyChannel({ usedByCustomer: [], policyChannels: ['whatsapp', 'email'], options: opts('email', 'whatsapp') })).toEqual({
      channel: 'whatsapp',
      reason: 'policy',
    });
    expect(chooseReplyChannel({ usedByCustomer: [], policyChannels: ['webchat'], options: opts('chat') }).channel).toBe('chat');
  });

  it('takes an older channel of the customer before anything else when the policy names none available', () => {
    expect(chooseReplyChannel({ usedByCustomer: ['phone', 'telegram'], policyChannels: ['line'], options: opts('telegram', 'web') })).toEqual({
      channel: 'telegram',
      reason: 'last-used',
    });
  });

  it('says so when nothing can be used', () => {
    expect(chooseReplyChannel({ usedByCustomer: ['whatsapp'], policyChannels: ['whatsapp'], options: opts() })).toEqual({ channel: null, reason: 'none' });
  });

  it('maps culture channel ids to ours', () => {
    expect(fromPolicyChannel('webchat')).toBe('chat');
    expect(fromPolicyChannel('email')).toBe('email');
  });
});
