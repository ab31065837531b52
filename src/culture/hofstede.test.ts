import { describe, expect, it } from 'vitest';
import { HOFSTEDE_NATIONAL, HOFSTEDE_SUBNATIONAL, REGIONAL_PROXY_MEMBERS } from './data/hofstede-codes.js';
import { ISO_COUNTRY_CODES } from './data/iso-countries.js';
import { hofstedeTable } from './hofstede-data.js';
import { clampScore, globalMeans, parseHofstedeCsv, resolveHofstede } from './hofstede.js';

describe('Hofstede file → ISO table', () => {
  const table = hofstedeTable();

  it('maps every row of the shipped file: 100 national rows, 3 aggregates, 7 sub-national, none unmapped', () => {
    expect(table.unmapped).toEqual([]);
    expect(table.national.size).toBe(100);
    expect([...table.aggregates.keys()].sort()).toEqual(['AFE', 'AFW', 'ARA']);
    const sub = [...table.subNational.values()].flat().map((s) => s.code).sort();
    expect(sub).toEqual(['BEF', 'BEN', 'CAF', 'GEE', 'SAW', 'SWF', 'SWG']);
  });

  it('maps the non-ISO codes by hand to distinct, valid ISO alpha-2 codes', () => {
    const isos = Object.values(HOFSTEDE_NATIONAL);
    expect(new Set(isos).size).toBe(isos.length);
    for (const iso of [...isos, ...Object.values(HOFSTEDE_SUBNATIONAL), ...Object.values(REGIONAL_PROXY_MEMBERS).flat()]) {
      expect(ISO_COUNTRY_CODES.has(iso), iso).toBe(true);
    }
    expect(HOFSTEDE_NATIONAL.GER).toBe('DE');
    expect(HOFSTEDE_NATIONAL.IRA).toBe('IR');
    expect(HOFSTEDE_NATIONAL.SAL).toBe('SV');
    expect(HOFSTEDE_NATIONAL.MNG).toBe('ME');
    expect(HOFSTEDE_NATIONAL.NIG).toBe('NG');
    expect(HOFSTEDE_NATIONAL.TAI).toBe('TW');
    expect(HOFSTEDE_NATIONAL.SIN).toBe('SG');
  });

  it('reads the published spot values', () => {
    expect(table.national.get('JP')?.scores).toEqual({ pdi: 54, idv: 46, mas: 95, uai: 92, lto: 88, ivr: 42 });
    expect(table.national.get('DE')?.scores).toEqual({ pdi: 35, idv: 67, mas: 66, uai: 65, lto: 83, ivr: 40 });
    expect(table.national.get('IL')?.scores).toEqual({ pdi: 13, idv: 54, mas: 47, uai: 81, lto: 38, ivr: null });
    expect(table.national.get('CN')?.name).toBe('China');
  });

  it('clamps values above 100 and remembers the raw value', () => {
    expect(clampScore(112)).toBe(100);
    expect(clampScore(-3)).toBe(0);
    expect(clampScore(54)).toBe(54);
    const gr = table.national.get('GR')!;
    expect(gr.scores.uai).toBe(100);
    expect(gr.clamped).toEqual({ uai: 112 });
    const sk = table.national.get('SK')!;
    expect(sk.scores.pdi).toBe(100);
    expect(sk.scores.mas).toBe(100);
    expect(sk.clamped).toEqual({ pdi: 104, mas: 110 });
    for (const row of table.national.values()) {
      for (const v of Object.values(row.scores)) {
        if (v === null) continue;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });

  it('fills gaps from the regional aggregate and says so', () => {
    const sa = resolveHofstede(table, 'SA');
    expect(sa.pdi).toEqual({ value: 80, origin: 'proxy', proxy: 'ARA' });
    expect(sa.lto).toEqual({ value: 36, origin: 'national' }); // Saudi Arabia has its own LTO and IVR
    const ke = resolveHofstede(table, 'KE'); // not in the file at all
    expect(ke.idv).toEqual({ value: 27, origin: 'proxy', proxy: 'AFE' });
    const gh = resolveHofstede(table, 'GH');
    expect(gh.pdi).toEqual({ value: 77, origin: 'proxy', proxy: 'AFW' });
    expect(gh.lto).toEqual({ value: 4, origin: 'national' });
  });

  it('leaves a gap empty where no aggregate applies (no silent guess)', () => {
    expect(resolveHofstede(table, 'IL').ivr).toEqual({ value: null, origin: 'none' });
    expect(resolveHofstede(table, 'UA').pdi).toEqual({ value: null, origin: 'none' });
  });

  it('computes global means over national rows only', () => {
    const means = globalMeans(table);
    for (const v of Object.values(means)) {
      expect(v).toBeGreaterThan(20);
      expect(v).toBeLessThan(80);
    }
  });
});

describe('parseHofstedeCsv', () => {
  it('parses #NULL!, CRLF line ends and unknown codes', () => {
    const t = parseHofstedeCsv('ctr;country;pdi;idv;mas;uai;ltowvs;ivr\r\nGER;Germany;35;67;66;65;83;#NULL!\r\nXYZ;Nowhere;1;2;3;4;5;6\r\n');
    expect(t.national.get('DE')?.scores.ivr).toBeNull();
    expect(t.unmapped).toEqual(['XYZ']);
  });

  it('rejects a file without the expected columns or with a non-numeric score', () => {
    expect(() => parseHofstedeCsv('ctr;country;pdi\nGER;Germany;35')).toThrow(/missing column/);
    expect(() => parseHofstedeCsv('ctr;country;pdi;idv;mas;uai;ltowvs;ivr\nGER;Germany;x;1;1;1;1;1')).toThrow(/bad pdi/);
  });
});
