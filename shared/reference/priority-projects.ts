import data from '../../resources/reference/priority-projects.json' with { type: 'json' };
import { countryByIso2 } from './countries';
import { REGIONS } from './regions';

// The 20 priority projects (「20(にいまる)」プロジェクト) of the action plan, each followed up for three years
// (2020–2022年度): its sector, its target countries and regions as written, its perspective, its policy and the
// numeric targets the plan states. A case links to one of them by its number.

/** A numeric target the plan states for a project (e.g. 4,500 programmes sold abroad by 2022年度). */
export interface ProjectKpi {
  metric: string;
  target: number;
  unit: string;
  /** As written: 2022年度, 2022年. */
  target_date: string;
}

export interface PriorityProject {
  /** 1–20. */
  no: number;
  /** ①–⑳, as the plan numbers them. */
  mark: string;
  /** As the plan writes it (5G/ローカル5G, 郵便 …). */
  sector: string;
  /** Target countries and regions, as the plan writes them. */
  targets: string;
  perspective: string;
  perspective_code: string;
  /** 取組方針: the three-year policy. */
  policy: string;
  kpis: ProjectKpi[];
  /** Codes of the sector vocabulary the project covers: Karte's reading, for suggesting links. */
  sectorCodes: string[];
  /** Region codes and ISO country codes of the targets: Karte's reading, for suggesting links. */
  places: string[];
}

export const PRIORITY_PROJECTS: readonly PriorityProject[] = data.projects;

/** The period the projects are followed up over, as written (2020年度–2022年度). */
export const PRIORITY_PERIOD = data.period;

export function projectByNo(no: number): PriorityProject | undefined {
  return PRIORITY_PROJECTS.find((p) => p.no === no);
}

/** A project by its number (17), its mark (⑰) or its number in full-width digits (１７). */
export function findProject(text: string): PriorityProject | undefined {
  const folded = text.normalize('NFKC').trim();
  return PRIORITY_PROJECTS.find((p) => String(p.no) === folded || p.mark === text.trim());
}

/** The countries a project targets: its countries, and every member of its regions. */
function placeCountries(place: string): string[] {
  const region = REGIONS.find((r) => r.code === place);
  return region ? region.members : countryByIso2(place) ? [place] : [];
}

/** The regions a project names, by their Japanese name, for cases tied to a region and no country yet. */
function placeRegionNames(place: string): string[] {
  const region = REGIONS.find((r) => r.code === place);
  return region ? [region.ja, ...REGIONS.filter((r) => r.parent === place).map((r) => r.ja)] : [];
}

/**
 * Projects a case may belong to, by its sector and its countries (or its region when it has none): suggestions a
 * person confirms, never links made on their own.
 */
export function suggestedProjects(c: { sector: string; countries: string[]; region: string }): PriorityProject[] {
  return PRIORITY_PROJECTS.filter(
    (p) =>
      p.sectorCodes.includes(c.sector) &&
      (c.countries.some((iso2) => p.places.some((place) => placeCountries(place).includes(iso2))) ||
        (c.countries.length === 0 && p.places.some((place) => placeRegionNames(place).includes(c.region)))),
  );
}
