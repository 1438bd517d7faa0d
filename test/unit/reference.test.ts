import { describe, it, expect } from 'vitest';
import { isoCodesOf } from '../../shared/karte-json';
import { COUNTRIES, countryByIso2, findCountry } from '../../shared/reference/countries';
import { REGIONS, findRegion, regionsOfCountry } from '../../shared/reference/regions';
import { OTHER_SECTOR, SECTORS, sectorByCode, sectorOfLabel } from '../../shared/reference/sectors';
import { demoCases, demoTables } from '../support/demo-data';

const cases = demoCases();

describe('sectors', () => {
  const labels = [...new Set(cases.map((c) => c.sector))];

  it('reads the demo sector labels', () => {
    expect(labels.length).toBeGreaterThanOrEqual(10);
  });

  it.each(labels)('maps the demo label %j to a sector other than "other"', (label) => {
    const code = sectorOfLabel(label);
    expect(code).not.toBe(OTHER_SECTOR);
    expect(sectorByCode(code)).toBeDefined();
  });

  it.each([
    ['統計ICT', 'statistics_ict'],
    ['放送システム/放送利用システム', 'broadcasting'],
    ['放送システム・放送利活用システム', 'broadcasting'],
    ['放送コンテンツ', 'broadcast_content'],
    ['デジタルガバメント(電子政府)', 'e_government'],
    ['デジタルガバメント（電子政府）', 'e_government'],
    ['セキュリティ・セーフティシステム', 'safety_security'],
    ['サイバーセキュリティ', 'cybersecurity'],
    ['防災ICTシステム', 'disaster_ict'],
    ['防災ＩＣＴシステム', 'disaster_ict'],
    ['郵便', 'postal'],
    ['ブロードバンド通信基幹網', 'broadband'],
    ['ローカル5G', '5g'],
    ['AI', 'ai_iot'],
    ['AI活用', 'ai_iot'],
    ['e-Government', 'e_government'],
    ['Smart City', 'smart_city'],
  ])('maps %j to %s', (label, code) => {
    expect(sectorOfLabel(label)).toBe(code);
  });

  // Doc: "Latin aliases match whole words only" and "else the longest alias the label contains".
  it.each([
    ['AI camera', 'ai_iot'],
    ['5G network', '5g'],
    ['telemedicine pilot', 'medical_ict'],
    ['rail transport', 'transport'],
    ['disaster early warning', 'disaster_ict'],
  ])('finds the whole-word alias in the English label %j (%s)', (label, code) => {
    expect(sectorOfLabel(label)).toBe(code);
  });

  it.each(['detail', 'retail', 'maid'])('does not find "ai" inside the word %j', (label) => {
    expect(sectorOfLabel(label)).not.toBe('ai_iot');
  });

  it.each(['', '   ', 'xyz', '不明'])('maps %j to other', (label) => {
    expect(sectorOfLabel(label)).toBe(OTHER_SECTOR);
  });

  it('maps every sector code, Japanese and English name to itself', () => {
    for (const s of SECTORS) {
      expect([sectorOfLabel(s.code), sectorOfLabel(s.ja), sectorOfLabel(s.en)]).toEqual([s.code, s.code, s.code]);
    }
  });

  it('has unique codes and finds each by code', () => {
    expect(new Set(SECTORS.map((s) => s.code)).size).toBe(SECTORS.length);
    expect(sectorByCode('postal')?.ja).toBe('郵便');
    expect(sectorByCode('nope')).toBeUndefined();
  });
});

describe('countries', () => {
  it('holds every ISO 3166-1 alpha-2 country once, sorted, each with a Japanese and an English name', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRIES.map((c) => c.iso2)).size).toBe(COUNTRIES.length);
    expect(COUNTRIES.map((c) => c.iso2)).toEqual(COUNTRIES.map((c) => c.iso2).sort());
    for (const c of COUNTRIES) {
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(c.ja.trim()).not.toBe('');
      expect(c.en.trim()).not.toBe('');
      expect(c.ja).not.toBe(c.iso2);
      expect(c.en).not.toBe(c.iso2);
    }
  });

  it('uses the names the ministries write', () => {
    expect(countryByIso2('GB')).toEqual({ iso2: 'GB', ja: '英国', en: 'United Kingdom' });
    expect(countryByIso2('US')).toEqual({ iso2: 'US', ja: '米国', en: 'United States' });
    expect(countryByIso2('KR')?.ja).toBe('韓国');
    expect(countryByIso2('LA')).toMatchObject({ ja: 'ラオス', en: 'Laos' });
  });

  it.each([
    ['ベトナム', 'VN'],
    ['Vietnam', 'VN'],
    ['vietnam', 'VN'],
    ['vn', 'VN'],
    ['VN', 'VN'],
    [' ベトナム ', 'VN'],
    ['英国', 'GB'],
    ['イギリス', 'GB'],
    ['UK', 'GB'],
    ['米国', 'US'],
    ['アメリカ合衆国', 'US'],
    ['United States of America', 'US'],
    ['ブラジル', 'BR'],
    ['Brazil', 'BR'],
  ])('findCountry(%j) is %s', (name, iso2) => {
    expect(findCountry(name)?.iso2).toBe(iso2);
  });

  it.each(['', '  ', 'Atlantis', 'xx', 'ZZ'])('findCountry(%j) finds nothing', (name) => {
    expect(findCountry(name)).toBeUndefined();
  });

  it('looks codes up case-insensitively', () => {
    expect(countryByIso2('ph')?.ja).toBe('フィリピン');
    expect(countryByIso2('XX')).toBeUndefined();
  });

  const withCountry = cases.filter((c) => c.country_iso2 !== '');

  it.each(withCountry.map((c) => [c.file, c.country, c.country_iso2]))('%s: %s (%s) is a known country of that name', (_file, name, codes) => {
    const countries = isoCodesOf(codes).map((code) => countryByIso2(code));
    expect(countries.length).toBeGreaterThan(0);
    expect(countries.every((c) => c !== undefined)).toBe(true);
    if (countries.length === 1) {
      expect(countries[0]?.ja).toBe(name);
      expect(findCountry(name)?.iso2).toBe(codes);
    }
  });
});

describe('regions', () => {
  const region = (name: string) => {
    const r = findRegion(name);
    if (!r) throw new Error(`no region ${name}`);
    return r;
  };

  it('finds regions by code, Japanese or English name, ignoring case and surrounding space', () => {
    expect(findRegion('ASEAN')?.code).toBe('asean');
    expect(findRegion('asean')?.code).toBe('asean');
    expect(findRegion('中南米')?.code).toBe('latin_america');
    expect(findRegion(' 中南米 ')?.code).toBe('latin_america');
    expect(findRegion('latin_america')?.code).toBe('latin_america');
    expect(findRegion('Latin America and the Caribbean')?.code).toBe('latin_america');
    expect(findRegion('地デジ日本方式採用国')?.code).toBe('isdb_t');
    expect(findRegion('Atlantis')).toBeUndefined();
  });

  it('has unique codes and parents that exist', () => {
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
    for (const r of REGIONS) if (r.parent !== null) expect(REGIONS.some((p) => p.code === r.parent)).toBe(true);
  });

  it('lists each parent region before its sub-regions, every region once, as every region list shows them', () => {
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
    for (const [i, r] of REGIONS.entries())
      if (r.parent !== null)
        expect(
          REGIONS.findIndex((p) => p.code === r.parent),
          r.code,
        ).toBeLessThan(i);
  });

  it('names a country’s most specific region first (ASEAN before インド太平洋)', () => {
    const codes = regionsOfCountry('VN').map((r) => r.code);
    expect(codes.indexOf('asean')).toBeGreaterThanOrEqual(0);
    expect(codes.indexOf('asean')).toBeLessThan(codes.indexOf(REGIONS.find((r) => r.code === 'asean')!.parent!));
  });

  it('gives 中南米 the members of 南米 and 中米・カリブ (hierarchy)', () => {
    const latin = region('中南米').members;
    expect(region('南米').members.length).toBeGreaterThan(0);
    expect(latin).toEqual(expect.arrayContaining(region('南米').members));
    expect(latin).toEqual(expect.arrayContaining(region('中米・カリブ').members));
    expect(latin).toEqual(expect.arrayContaining(['BR', 'MX']));
  });

  it('gives every parent region all members of its children, without duplicates', () => {
    for (const r of REGIONS) {
      expect(new Set(r.members).size).toBe(r.members.length);
      if (r.parent === null) continue;
      const parent = REGIONS.find((p) => p.code === r.parent)!;
      expect(parent.members).toEqual(expect.arrayContaining(r.members));
    }
    expect(region('インド太平洋').members).toEqual(expect.arrayContaining(['VN', 'PH', 'IN', 'AU', 'KR']));
  });

  it('lets a country sit in overlapping regions', () => {
    expect(region('中南米').members).toContain('BR');
    expect(region('地デジ日本方式採用国').members).toContain('BR');
    expect(
      regionsOfCountry('BR')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['isdb_t', 'latin_america', 'south_america']);
    expect(
      regionsOfCountry('PH')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['asean', 'indo_pacific', 'isdb_t']);
    expect(regionsOfCountry('XX')).toEqual([]);
  });

  it('has only known country codes as members', () => {
    const unknown = REGIONS.flatMap((r) => r.members.filter((m) => countryByIso2(m) === undefined).map((m) => `${r.code}:${m}`));
    expect(unknown).toEqual([]);
  });

  const regionRows = demoTables().map((f) => ({ file: f.name, name: f.data.region, codes: f.data.cases.flatMap((c) => isoCodesOf(c.country_iso2)) }));

  it.each(regionRows)('$file: region $name is known and holds the countries of its cases', ({ name, codes }) => {
    expect(codes.length).toBeGreaterThan(0);
    expect(region(name).members).toEqual(expect.arrayContaining(codes));
  });
});
