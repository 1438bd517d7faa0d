import data from '../../resources/reference/regions.json' with { type: 'json' };

export interface Region {
  code: string;
  ja: string;
  en: string;
  parent: string | null;
  /** All member countries, including those of child regions. */
  members: string[];
}

function build(): Region[] {
  const raw = data.regions;
  const membersOf = (code: string): string[] => {
    const own = raw.find((r) => r.code === code)?.members ?? [];
    const children = raw.filter((r) => r.parent === code).flatMap((r) => membersOf(r.code));
    return [...new Set([...own, ...children])];
  };
  // Read top down wherever they are listed: each parent, then its sub-regions (the reference data lists some children first).
  const parentFirst = (parent: string | null): typeof raw => raw.filter((r) => r.parent === parent).flatMap((r) => [r, ...parentFirst(r.code)]);
  return parentFirst(null).map((r) => ({ code: r.code, ja: r.ja, en: r.en, parent: r.parent, members: membersOf(r.code) }));
}

/** Hierarchical, overlapping regions (ASEAN, 中南米, アフリカ, 中東, 欧米, インド太平洋, 地デジ日本方式採用国 …), each parent before its sub-regions. */
export const REGIONS: readonly Region[] = build();

/** Finds a region by code or by its Japanese or English name. */
export function findRegion(name: string): Region | undefined {
  const text = name.trim().toLowerCase();
  return REGIONS.find((r) => r.code === text || r.ja.toLowerCase() === text || r.en.toLowerCase() === text);
}

/** The regions a country belongs to, the most specific first (ASEAN before インド太平洋). */
export function regionsOfCountry(iso2: string): Region[] {
  return REGIONS.filter((r) => r.members.includes(iso2)).sort((a, b) => depthOf(b) - depthOf(a));
}

/** How deep a region sits under others (ASEAN under インド太平洋: 1). */
export function depthOf(region: Region): number {
  const parent = REGIONS.find((r) => r.code === region.parent);
  return parent ? 1 + depthOf(parent) : 0;
}
