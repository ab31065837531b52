import { describe, expect, it } from 'vitest';
import {
  safeEqual,
  twilioSignature,
  twilioSigningString,
  verifyTelegramSecret,
  verifyTwilioSignature,
  verifyWhatsappSignature,
  whatsappSignature,
} from './signatures.js';

describe('WhatsApp X-Hub-Signature-256', () => {
  const body = '{"object":"whatsapp_business_account","entry":[]}';
  // Computed independently: printf '%s' "$body" | openssl dgst -sha256 -hmac 'app-secret-123'
  const expected = 'sha256=20e391a99a86fc5adf7e3a453236d20c906360291977896cf2f671e03bb95703';

  it('matches an HMAC computed by openssl', () => {
    expect(whatsappSignature(body, 'app-secret-123')).toBe(expected);
    expect(verifyWhatsappSignature(Buffer.from(body), expected, 'app-secret-123')).toBe(true);
  });

  it('accepts upper-case hex', () => {
    expect(verifyWhatsappSignature(body, expected.toUpperCase().replace('SHA256', 'sha256'), 'app-secret-123')).toBe(true);
  });

  it('rejects a wrong secret, a changed body, re-serialised JSON and malformed headers', () => {
    expect(verifyWhatsappSignature(body, expected, 'other-secret')).toBe(false);
    expect(verifyWhatsappSignature(body.replace('[]', '[1]'), expected, 'app-secret-123')).toBe(false);
    expect(verifyWhatsappSignature(JSON.stringify(JSON.parse(body), null, 1), expected, 'app-secret-123')).toBe(false);
    expect(verifyWhatsappSignature(body, undefined, 'app-secret-123')).toBe(false);
    expect(verifyWhatsappSignature(body, expected.slice(7), 'app-secret-123')).toBe(false);
    expect(verifyWhatsappSignature(body, 'sha1=abc', 'app-secret-123')).toBe(false);
    expect(verifyWhatsappSignature(body, expected, '')).toBe(false);
  });
});

describe('Telegram secret token', () => {
  it('accepts only the exact secret', () => {
    expect(verifyTelegramSecret('s3cr3t_Token-1', 's3cr3t_Token-1')).toBe(true);
    expect(verifyTelegramSecret('s3cr3t_Token-2', 's3cr3t_Token-1')).toBe(false);
    expect(verifyTelegramSecret('s3cr3t', 's3cr3t_Token-1')).toBe(false);
    expect(verifyTelegramSecret(undefined, 's3cr3t_Token-1')).toBe(false);
    expect(verifyTelegramSecret('', '')).toBe(false);
  });
});

describe('Twilio X-Twilio-Signature', () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  };

  it('matches the example vector published with Twilio’s own helper library', () => {
    expect(twilioSignature(url, params, '12345')).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(verifyTwilioSignature(url, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', '12345')).toBe(true);
  });

  it('sorts names case-sensitively and concatenates name+value without separators', () => {
    expect(twilioSigningString('https://x/y', { b: '2', a: '1', B: '3' })).toBe('https://x/yB3a1b2');
    expect(twilioSigningString('https://x/y', { m: ['2', '1'] })).toBe('https://x/ym1m2');
  });

  it('accepts the signature whether or not the default port was in the configured URL', () => {
    const sig = twilioSignature('https://help.example.com:443/api/v1/channels/sms/twilio', params, 'tok');
    expect(verifyTwilioSignature('https://help.example.com/api/v1/channels/sms/twilio', params, sig, 'tok')).toBe(true);
    const sig2 = twilioSignature('https://help.example.com/api/v1/channels/sms/twilio', params, 'tok');
    expect(verifyTwilioSignature('https://help.example.com:443/api/v1/channels/sms/twilio', params, sig2, 'tok')).toBe(true);
  });

  it('rejects tampered parameters, another URL, another token and a missing header', () => {
    const sig = twilioSignature(url, params, '12345');
    expect(verifyTwilioSignature(url, { ...params, Digits: '9999' }, sig, '12345')).toBe(false);
    expect(verifyTwilioSignature(url, { ...params, Extra: 'x' }, sig, '12345')).toBe(false);
    expect(verifyTwilioSignature('https://evil.example.com/myapp.php?foo=1&bar=2', params, sig, '12345')).toBe(false);
    expect(verifyTwilioSignature(url, params, sig, '54321')).toBe(false);
    expect(verifyTwilioSignature(url, params, undefined, '12345')).toBe(false);
  });
});

describe('safeEqual', () => {
  it('compares strings of different lengths without throwing', () => {
    expect(safeEqual('a', 'a')).toBe(true);
    expect(safeEqual('a', 'ab')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
