/** One line saying what an export, erasure or retention run touched, from its counts. */
import type { ProcessingEntry } from '../../api/privacy';
import type { useT } from '../../i18n/use-t';

type T = ReturnType<typeof useT>;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export function processingSummary(t: T, entry: ProcessingEntry): string {
  const c = entry.counts;
  if (entry.status === 'pending') return t('privacy.summary.pending');
  if (entry.kind === 'export') return t('privacy.summary.export', { cases: num(c.cases), messages: num(c.messages), files: num(c.files) });
  if (entry.kind === 'erase') {
    const redacted = Object.entries(c).filter(([k]) => k.startsWith('redacted:')).reduce((sum, [, v]) => sum + num(v), 0);
    return t('privacy.summary.erase', { cases: num(c.cases), messages: num(c.messages), redacted });
  }
  return t('privacy.summary.retention', { cases: num(c.casesTotal), failures: num(c.rawFailures) });
}
