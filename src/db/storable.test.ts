import { describe, expect, it } from 'vitest';
import { containsNul, storable, storableText } from './storable.js';

describe('storableText', () => {
  it('drops U+0000 and replaces lone surrogates, keeping everything else', () => {
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('x\uD800y')).toBe('x\uFFFDy');
    expect(storableText('x\uDC00')).toBe('x\uFFFD');
    expect(storableText('emoji 😀 stays, שלום, 日本')).toBe('emoji 😀 stays, שלום, 日本');
    expect(storableText('\u0001\t\n')).toBe('\u0001\t\n');
  });

  it('makes a string JSON-encodable for jsonb', () => {
    expect(JSON.stringify(storableText('\uD83D'))).toBe('"\uFFFD"');
  });
});

describe('storable', () => {
  it('cleans strings deep inside objects and arrays, keys too, and leaves buffers and dates alone', () => {
    const bytes = Buffer.from([0, 1, 2]);
    const at = new Date(0);
    const out = storable({ 'k\u0000': ['a\u0000', { b: 'c\uD800' }], bytes, at, n: 1, nil: null });
    expect(out).toEqual({ k: ['a', { b: 'c\uFFFD' }], bytes, at, n: 1, nil: null });
    expect(out.bytes).toBe(bytes);
  });

  it('finds U+0000 anywhere in a query or params object', () => {
    expect(containsNul({ q: 'a\u0000' })).toBe(true);
    expect(containsNul({ list: ['x', 'y\u0000'] })).toBe(true);
    expect(containsNul(Object.assign(Object.create(null), { q: 'ok' }))).toBe(false);
    // Fastify's query string parser gives objects whose prototype is a bare object.
    function Empty() {}
    Empty.prototype = Object.create(null);
    expect(containsNul(Object.assign(new (Empty as unknown as new () => object)(), { q: '\u0000' }))).toBe(true);
  });
});
