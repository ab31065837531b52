import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The web app's message catalogues (`src/web/i18n/<capability>.<locale>.json`): every
 * capability ships English, Hebrew and Polish with the same keys and the same placeholders,
 * every message is valid ICU, and every message id the code asks for exists.
 */
const webRoot = fileURLToPath(new URL('../../src/web', import.meta.url));
const i18nDir = join(webRoot, 'i18n');
const locales = ['en', 'he', 'pl'];

type Catalogue = Record<string, string>;
const files = readdirSync(i18nDir).filter((f) => f.endsWith('.json'));
const capabilities = [...new Set(files.map((f) => f.split('.')[0]!))];
const load = (capability: string, locale: string): Catalogue | null => {
  const name = `${capability}.${locale}.json`;
  return files.includes(name) ? (JSON.parse(readFileSync(join(i18nDir, name), 'utf8')) as Catalogue) : null;
};
const english: Catalogue = Object.assign({}, ...capabilities.map((c) => load(c, 'en') ?? {}));

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) placeholders(option.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      placeholders(el.children, into);
    }
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('web message catalogues', () => {
  it.each(capabilities)('%s: every locale has the same keys as English', (capability) => {
    const en = load(capability, 'en');
    expect(en, `${capability}.en.json is missing`).not.toBeNull();
    for (const locale of locales) {
      const catalogue = load(capability, locale);
      expect(catalogue, `${capability}.${locale}.json is missing`).not.toBeNull();
      expect(Object.keys(catalogue!).sort(), `${capability}.${locale}.json`).toEqual(Object.keys(en!).sort());
    }
  });

  it.each(capabilities)('%s: messages parse as ICU and keep the same placeholders in every language', (capability) => {
    const en = load(capability, 'en')!;
    for (const locale of locales) {
      const catalogue = load(capability, locale) ?? {};
      for (const [key, message] of Object.entries(catalogue)) {
        expect(message.trim(), `${capability}.${locale}: ${key} is empty`).not.toBe('');
        const parsed = (text: string) => {
          try {
            return parse(text);
          } catch (error) {
            throw new Error(`${capability}.${locale}: ${key} is not valid ICU (${(error as Error).message}): ${text}`, { cause: error });
          }
        };
        const expected = en[key] === undefined ? null : placeholders(parsed(en[key]!));
        const actual = placeholders(parsed(message));
        if (expected) expect([...actual].sort(), `${capability}.${locale}: ${key}`).toEqual([...expected].sort());
      }
    }
  });

  it('has a message for every id the code asks for', () => {
    const missing: string[] = [];
    const prefixes: string[] = [];
    for (const file of sourceFiles(webRoot)) {
      const code = readFileSync(file, 'utf8');
      const ids = [
        ...code.matchAll(/\bt\(\s*'([^'$]+)'/g),
        ...code.matchAll(/\bt\(\s*`([^`$]+)`/g),
        ...code.matchAll(/\bt\([^()'`]*\?\s*'([^']+)'\s*:\s*'([^']+)'/g),
        ...code.matchAll(/\blabel: '([a-z][\w]*(?:\.[\w]+)+)'/g),
        ...code.matchAll(/<FormattedMessage[^>]*\bid="([^"]+)"/g),
      ].flatMap((m) => m.slice(1).filter(Boolean));
      for (const id of ids) if (!(id in english)) missing.push(`${id} (${file.slice(webRoot.length + 1)})`);
      for (const m of code.matchAll(/\bt\(\s*`([\w.]+\.)\$\{/g)) prefixes.push(`${m[1]} (${file.slice(webRoot.length + 1)})`);
    }
    expect(missing).toEqual([]);
    const keys = Object.keys(english);
    expect(prefixes.filter((p) => !keys.some((k) => k.startsWith(p.split(' ')[0]!)))).toEqual([]);
  });
});
