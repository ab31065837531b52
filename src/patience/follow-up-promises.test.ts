import { describe, expect, it } from 'vitest';
import { promiseStatus, type FollowUpPromise } from './follow-up-promises.js';

const t = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const promise: FollowUpPromise = { createdAt: t('09:00'), dueAt: t('14:00'), channel: 'phone' };

describe('follow-up promises', () => {
  it('is open, then due soon inside the reminder window', () => {
    expect(promiseStatus(promise, [], t('10:00'))).toMatchObject({ state: 'open', remindAt: t('13:30') });
    expect(promiseStatus(promise, [], t('13:40')).state).toBe('due_soon');
  });

  it('is kept by an update before the due time, on any channel, and says whether the channel matched', () => {
    expect(promiseStatus(promise, [{ at: t('12:00'), channel: 'phone' }], t('16:00'))).toMatchObject({ state: 'kept', fulfilledAt: t('12:00'), onPromisedChannel: true });
    expect(promiseStatus(promise, [{ at: t('12:00'), channel: 'email' }], t('16:00'))).toMatchObject({ state: 'kept', onPromisedChannel: false });
  });

  it('is broken when the due time passes without an update, and stays broken after a late update', () => {
    expect(promiseStatus(promise, [], t('14:01')).state).toBe('broken');
    expect(promiseStatus(promise, [{ at: t('15:00'), channel: 'phone' }], t('16:00'))).toMatchObject({ state: 'broken', fulfilledAt: t('15:00') });
  });

  it('ignores updates from before the promise and from the future', () => {
    expect(promiseStatus(promise, [{ at: t('08:00'), channel: 'phone' }, { at: t('13:00'), channel: 'phone' }], t('12:00')).state).toBe('open');
  });

  it('a promise cancelled before its due time is neither kept nor broken', () => {
    expect(promiseStatus({ ...promise, cancelledAt: t('11:00') }, [], t('16:00')).state).toBe('cancelled');
  });
});
