import { describe, expect, it } from 'vitest';
import { readTwilioInbound, readTwilioStatus } from './twilio.js';

describe('readTwilioInbound', () => {
  it('reads an incoming SMS as Twilio posts it', () => {
    const form = {
      ToCountry: 'US', ToState: 'CA', SmsMessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', NumMedia: '0', ToCity: '', FromZip: '', SmsSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      FromState: '', SmsStatus: 'received', FromCity: '', Body: 'A máquina parou', FromCountry: 'BR', To: '+15017122661', ToZip: '', NumSegments: '1',
      MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', AccountSid: 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', From: '+5511987654321', ApiVersion: '2010-04-01',
    };
    expect(readTwilioInbound(form)).toEqual({
      sid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', from: '+5511987654321', to: '+15017122661', body: 'A máquina parou', fromCountry: 'BR', media: [],
    });
  });

  it('lists MMS media', () => {
    const m = readTwilioInbound({ MessageSid: 'MM1', From: '+48601234567', To: '+48221234567', Body: '', NumMedia: '2', MediaUrl0: 'https://api.twilio.com/m/0', MediaContentType0: 'image/jpeg', MediaUrl1: 'https://api.twilio.com/m/1', MediaContentType1: 'application/pdf' });
    expect(m?.media).toEqual([
      { url: 'https://api.twilio.com/m/0', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/m/1', contentType: 'application/pdf' },
    ]);
  });

  it('is not fooled by a status callback or a sender that is not a number', () => {
    expect(readTwilioInbound({ MessageSid: 'SM2', MessageStatus: 'delivered', From: '+15017122661' })).toBeNull();
    expect(readTwilioInbound({ MessageSid: 'SM3', From: 'anonymous', Body: 'x' })).toBeNull();
  });
});

describe('readTwilioStatus', () => {
  it('maps Twilio statuses onto ours', () => {
    expect(readTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'delivered' })).toEqual({ sid: 'SM1', status: 'delivered', error: null });
    expect(readTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30003' })).toEqual({ sid: 'SM1', status: 'failed', error: 'Twilio error 30003' });
    expect(readTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'queued' })?.status).toBeNull();
    expect(readTwilioStatus({})).toBeNull();
  });
});
