/**
 * Small helpers shared by the policy rules: building a policy field from a value and its
 * explanation, and human labels for channels used inside explanations.
 */
import type { Explanation } from '../explanations.js';
import type { Channel, PolicyField } from '../types.js';

/** Wraps a rule's result as a policy field; sources are de-duplicated, order kept. */
export function policyField<T>(value: T, explanation: Explanation, sources: string[]): PolicyField<T> {
  return { value, ...explanation, sources: [...new Set([...sources, 'rapport-rules'])] };
}

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  phone: 'phone', email: 'email', whatsapp: 'WhatsApp', wechat: 'WeChat', line: 'LINE',
  kakaotalk: 'KakaoTalk', telegram: 'Telegram', viber: 'Viber', messenger: 'Messenger',
  zalo: 'Zalo', sms: 'SMS', webchat: 'web chat',
};

/** Two decimals for weights in explanations (0.75, not 0.7500000001). */
export function w(x: number): string {
  return x.toFixed(2);
}
