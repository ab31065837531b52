import { describe, expect, it } from 'vitest';
import { identifierPattern, mentions, mergeIdentifiers, nameForms } from './identifiers.js';

describe('identifiers of a person', () => {
  it('merges, normalises and drops what is too short to be a name', () => {
    const ids = mergeIdentifiers([
      { names: ['  Yuki   Tanaka ', 'Li'], emails: ['Yuki@Tanaka.example'] },
      { names: ['Yuki Tanaka'], emails: ['yuki@tanaka.example'], phones: ['+81 3-1234-5678', '12'] },
    ]);
    expect(ids).toEqual({ names: ['Yuki Tanaka'], emails: ['yuki@tanaka.example'], phones: ['+81312345678', '81312345678'] });
  });

  it('builds a literal pattern, longest first, with regex characters escaped', () => {
    const pattern = identifierPattern({ names: ['A.B (Co)'], emails: ['a+b@x.example'], phones: ['+4812345678', '4812345678'] })!;
    expect(pattern).toBe('a\\+b@x\\.example|\\+4812345678|4812345678|A\\.B \\(Co\\)');
    expect(new RegExp(pattern, 'i').test('mail A+B@X.EXAMPLE now')).toBe(true);
    expect(new RegExp(pattern, 'i').test('aab@xxexample')).toBe(false);
    expect(identifierPattern({ names: [], emails: [], phones: [] })).toBeNull();
  });

  it('finds mentions case-insensitively, in Hebrew too', () => {
    const ids = mergeIdentifiers([{ names: ['נועה כהן'], emails: ['noa@galil.example'] }]);
    expect(mentions('שלום נועה כהן', ids)).toBe(true);
    expect(mentions('Write to NOA@GALIL.EXAMPLE', ids)).toBe(true);
    expect(mentions('Noa wrote', ids)).toBe(false);
  });

  it('writes a name in its usual orders', () => {
    expect(nameForms('田中 優希', '優希', '田中')).toEqual(['田中 優希', '優希 田中', '田中 優希', '田中優希']);
    expect(nameForms('Ada', null, null)).toEqual(['Ada']);
  });
});

describe('archive paths', () => {
  it('stay inside the archive and are valid file names everywhere', async () => {
    const { safeArchivePath } = await import('./archive.js');
    expect(safeArchivePath('m1/../../etc/passwd')).toBe('m1/_/_/etc/passwd');
    expect(safeArchivePath('m1/a\u0000b:c?.pdf')).toBe('m1/a_b_c_.pdf');
    expect(safeArchivePath('m1/')).toBe('m1/_');
  });
});
