import { describe, expect, it } from 'vitest';
import { readTelegramUpdate } from './payload.js';

const from = { id: 111, is_bot: false, first_name: 'Noa', last_name: 'Levi', username: 'noal', language_code: 'he' };
const chat = { id: 111, first_name: 'Noa', type: 'private' };

describe('readTelegramUpdate', () => {
  it('reads a private text message', () => {
    expect(readTelegramUpdate({ update_id: 10000, message: { message_id: 1365, from, chat, date: 1441645532, text: 'המכשיר לא נדלק' } })).toEqual({
      updateId: 10000,
      externalId: '111:1365',
      chatId: '111',
      name: 'Noa Levi',
      username: 'noal',
      languageCode: 'he',
      at: new Date(1441645532 * 1000),
      text: 'המכשיר לא נדלק',
      edited: false,
      file: null,
      sharedPhone: null,
      claimedPhone: null,
    });
  });

  it('keeps an edit as its own message, marked edited', () => {
    const m = readTelegramUpdate({ update_id: 10001, edited_message: { message_id: 1365, from, chat, date: 1441645532, edit_date: 1441645600, text: 'תיקון' } });
    expect(m).toMatchObject({ externalId: '111:1365:edit:1441645600', edited: true, text: 'תיקון\n\n(edited)', at: new Date(1441645600 * 1000) });
  });

  it('takes the largest photo size and the caption', () => {
    const m = readTelegramUpdate({
      update_id: 3,
      message: { message_id: 7, from, chat, date: 1, caption: 'the display', photo: [{ file_id: 'small', file_unique_id: 'a', width: 90, height: 90 }, { file_id: 'big', file_unique_id: 'b', width: 1280, height: 960 }] },
    });
    expect(m).toMatchObject({ text: 'the display', file: { fileId: 'big', mimeType: 'image/jpeg' } });
  });

  it('recognises the customer sharing their own number, not someone else’s', () => {
    const own = readTelegramUpdate({ update_id: 4, message: { message_id: 8, from, chat, date: 1, contact: { phone_number: '972501234567', first_name: 'Noa', user_id: 111 } } });
    expect(own?.sharedPhone).toBe('972501234567');
    const other = readTelegramUpdate({ update_id: 5, message: { message_id: 9, from, chat, date: 1, contact: { phone_number: '972509999999', first_name: 'Dan', user_id: 222 } } });
    expect(other?.sharedPhone).toBeNull();
    expect(other?.claimedPhone).toBe('972509999999');
    expect(other?.text).toBe('[shared contact: Dan 972509999999]');
  });

  it('never takes a contact card without a user id as the sender’s own number (anyone can send such a card)', () => {
    const forged = readTelegramUpdate({ update_id: 6, message: { message_id: 10, from, chat, date: 1, contact: { phone_number: '972501234567', first_name: 'Noa' } } });
    expect(forged).toMatchObject({ sharedPhone: null, claimedPhone: '972501234567' });
  });

  it('ignores groups, bots and updates without a message', () => {
    expect(readTelegramUpdate({ update_id: 6, message: { message_id: 1, from, chat: { id: -100, type: 'group' }, date: 1, text: 'hi all' } })).toBeNull();
    expect(readTelegramUpdate({ update_id: 7, message: { message_id: 1, from: { ...from, is_bot: true }, chat, date: 1, text: 'beep' } })).toBeNull();
    expect(readTelegramUpdate({ update_id: 8, callback_query: { id: 'x' } })).toBeNull();
  });
});
