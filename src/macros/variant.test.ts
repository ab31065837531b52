import { describe, expect, it } from 'vitest';
import { chooseVariant, type MacroVariant } from './variant.js';

const v = (language: string, register: MacroVariant['register']): MacroVariant => ({ language, register, body: `${language}/${register}` });
const variants = [v('en', 'informal'), v('en', 'formal'), v('pl', 'formal'), v('ja', 'honorific'), v('pt-BR', 'formal'), v('de', 'formal')];

describe('chooseVariant', () => {
  it('takes the exact language and register', () => {
    expect(chooseVariant(variants, { language: 'pl', register: 'formal' })).toMatchObject({ index: 2, reason: 'exact' });
    expect(chooseVariant(variants, { language: 'en', register: 'informal' })).toMatchObject({ index: 0, reason: 'exact' });
  });
  it('keeps the language in the nearest register (honorific → formal before informal)', () => {
    expect(chooseVariant(variants, { language: 'en', register: 'honorific' })).toMatchObject({ index: 1, reason: 'language' });
    expect(chooseVariant(variants, { language: 'ja', register: 'formal' })).toMatchObject({ index: 3, reason: 'language' });
  });
  it('falls back to the base language or a regional form of it', () => {
    expect(chooseVariant(variants, { language: 'pl-PL', register: 'formal' })).toMatchObject({ index: 2, reason: 'base-language' });
    expect(chooseVariant(variants, { language: 'pt', register: 'formal' })).toMatchObject({ index: 4, reason: 'base-language' });
  });
  it('then the organisation default, then English, then the first variant', () => {
    expect(chooseVariant(variants, { language: 'fi', register: 'formal', organisationLanguage: 'de' })).toMatchObject({ index: 5, reason: 'organisation-default' });
    expect(chooseVariant(variants, { language: 'fi', register: 'informal', organisationLanguage: 'sv' })).toMatchObject({ index: 0, reason: 'english' });
    expect(chooseVariant([v('ko', 'formal')], { language: 'fi', register: 'formal' })).toMatchObject({ index: 0, reason: 'first' });
    expect(chooseVariant([], { language: 'fi', register: 'formal' })).toBeNull();
  });
  it('with no language known goes straight to the organisation default', () => {
    expect(chooseVariant(variants, { language: null, register: 'formal', organisationLanguage: 'pl' })).toMatchObject({ index: 2, reason: 'organisation-default' });
  });
});
