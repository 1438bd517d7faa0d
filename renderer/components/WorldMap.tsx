import { geoEqualEarth, geoPath } from 'd3-geo';
import isoCountries from 'i18n-iso-countries';
import { type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { CountrySummary } from '../../shared/views';
import { countryName } from '../labels';
import { usePreferences } from '../stores/preferences';
import './WorldMap.css';

// The world at 1:110m from world-atlas (Natural Earth), bundled: the map works offline. Its shapes carry
// ISO 3166-1 numeric ids, which i18n-iso-countries turns into the alpha-2 codes the dossiers use.

const WIDTH = 960;
const ANTARCTICA = '010';

type CountryShape = GeoJSON.Feature<GeoJSON.Geometry, { name: string }> & { iso2: string | null };

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
// Antarctica has no cases and would take a fifth of the height.
const SHAPES: CountryShape[] = feature(topology, topology.objects.countries)
  .features.filter((f) => f.id !== ANTARCTICA)
  .map((f) => ({ ...f, iso2: f.id === undefined ? null : (isoCountries.numericToAlpha2(String(f.id)) ?? null) }));
const WORLD: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: SHAPES };
/** The height the inhabited world takes at WIDTH; a region is zoomed into the same frame. */
const HEIGHT = Math.ceil(geoPath(geoEqualEarth().fitWidth(WIDTH, WORLD)).bounds(WORLD)[1][1]);

interface Framing {
  /** Every shape's outline (SVG path data). */
  outlines: Map<CountryShape, string>;
  /** Where a shape's mark sits (its centroid), for the few shapes marked. */
  centre: (shape: CountryShape) => [number, number];
}

/** The framings projected, by the countries framed ('' for the whole world). */
const outlineCache = new Map<string, Framing>();

/**
 * The outlines for the whole world or zoomed to `focus` (a region's countries). Projecting every shape took some 20 ms
 * of each visit to the countries screen and gives the same paths every time: each framing is projected once (the
 * world, and at most each region).
 */
function outlines(focus: string[] | undefined): Framing {
  const key = focus?.join(',') ?? '';
  const cached = outlineCache.get(key);
  if (cached) return cached;
  const focused = focus ? SHAPES.filter((s) => s.iso2 !== null && focus.includes(s.iso2)) : [];
  const projection =
    focused.length > 0
      ? geoEqualEarth().fitExtent(
          [
            [16, 16],
            [WIDTH - 16, HEIGHT - 16],
          ],
          { type: 'FeatureCollection', features: focused },
        )
      : geoEqualEarth().fitWidth(WIDTH, WORLD);
  const path = geoPath(projection);
  const result: Framing = { outlines: new Map(SHAPES.map((shape) => [shape, path(shape) ?? ''])), centre: (shape) => path.centroid(shape) };
  outlineCache.set(key, result);
  return result;
}

/**
 * Fill by number of active cases: a sequential blue scale. Countries with cases but none active are hatched: a pale
 * solid fill read as no cases at all, or as sea. The legend's swatch draws the same hatching in CSS (.none-active).
 */
const NO_CASES = '#e1e3e8';
const NONE_ACTIVE_PATTERN = 'world-map-none-active';
const STEPS = [
  { min: 0, fill: `url(#${NONE_ACTIVE_PATTERN})` },
  { min: 1, fill: '#b5d0ec' },
  { min: 2, fill: '#7eaedd' },
  { min: 4, fill: '#3a78bf' },
  { min: 8, fill: '#143f80' },
];

function fillOf(country: CountrySummary | undefined): string {
  if (!country) return NO_CASES;
  return STEPS.findLast((s) => country.active >= s.min)!.fill;
}

/** Something else a country holds than the cases coloured (a sector's projects abroad): counted on a badge, outlined. */
export interface MapMark {
  iso2: string;
  count: number;
  /** What the country's tooltip adds (実績 2件). */
  title: string;
}

/**
 * Countries coloured by their active cases; a country with cases is a link to its dossier (click or Enter).
 * With `focus`, the map zooms to those countries (a region), keeping the rest of the world around them; `legend` says
 * what the cases counted are when they are not all (one sector's). `marks` outline the countries holding something
 * else with its count on a badge (a country without cases too), `markLegend` naming it in the legend.
 */
export function WorldMap({
  countries,
  focus,
  legend,
  marks = [],
  markLegend,
}: {
  countries: CountrySummary[];
  focus?: string[];
  legend?: string;
  marks?: MapMark[];
  markLegend?: string;
}) {
  const { t } = useTranslation('countries');
  const language = usePreferences((s) => s.language);
  const navigate = useNavigate();
  const byIso2 = new Map(countries.map((c) => [c.iso2, c]));
  const markOf = new Map(marks.map((m) => [m.iso2, m]));
  const { outlines: outline, centre } = outlines(focus);
  const marked = SHAPES.filter((s) => s.iso2 !== null && markOf.has(s.iso2));
  /** The tooltip: the shape's own words, then what its mark adds. */
  const withMark = (shape: CountryShape, words: string) => {
    const mark = shape.iso2 === null ? undefined : markOf.get(shape.iso2);
    return mark ? `${words} · ${mark.title}` : words;
  };

  const nameOf = (shape: CountryShape) => (shape.iso2 ? countryName(shape.iso2, language) : shape.properties.name);
  const hasCases = (shape: CountryShape) => shape.iso2 !== null && byIso2.has(shape.iso2);
  // Countries with cases come last: drawn on top (their focus outline shows) and tabbed through in name order.
  const withCases = SHAPES.filter(hasCases).sort((a, b) => nameOf(a).localeCompare(nameOf(b), language));
  const others = SHAPES.filter((s) => !hasCases(s));
  const open = (iso2: string) => navigate(`/dossier/${iso2}`);
  const stepLabel = (i: number) => {
    const { min } = STEPS[i];
    const next = STEPS[i + 1];
    if (min === 0) return t('map.noneActive');
    if (next === undefined) return t('map.atLeast', { count: min });
    return next.min - 1 === min ? String(min) : `${min}–${next.min - 1}`;
  };
  const onKey = (e: KeyboardEvent, iso2: string) => {
    if (e.key === 'Enter') open(iso2);
  };

  return (
    <figure className="world-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={t('map.label')}>
        <defs>
          <pattern id={NONE_ACTIVE_PATTERN} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#eef3f9" />
            <rect width="1.4" height="4" fill="#7eaedd" />
          </pattern>
        </defs>
        {others.map((shape, i) => (
          <path key={shape.iso2 ?? `${shape.properties.name}-${i}`} d={outline.get(shape)} fill={NO_CASES}>
            <title>{withMark(shape, nameOf(shape))}</title>
          </path>
        ))}
        {withCases.map((shape) => {
          const iso2 = shape.iso2!;
          const country = byIso2.get(iso2)!;
          const label = withMark(shape, t('map.shapeTitle', { name: nameOf(shape), active: country.active, cases: country.cases }));
          return (
            <path
              key={iso2}
              className="has-cases"
              d={outline.get(shape)}
              fill={fillOf(country)}
              role="link"
              // The <title> is the tooltip; not every assistive technology reads it as a link's name.
              aria-label={label}
              tabIndex={0}
              onClick={() => open(iso2)}
              onKeyDown={(e) => onKey(e, iso2)}
            >
              <title>{label}</title>
            </path>
          );
        })}
        {/* Over every country, letting clicks and tooltips through to the country under them (its title names the mark). */}
        {marked.map((shape) => (
          <path key={`mark-${shape.iso2}`} className="mark-outline" d={outline.get(shape)} aria-hidden="true" />
        ))}
        {marked.map((shape) => {
          const mark = markOf.get(shape.iso2!)!;
          const [x, y] = centre(shape);
          if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
          return (
            <g key={`badge-${shape.iso2}`} className="mark-badge" transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`} aria-hidden="true">
              <circle r={7} />
              <text dy="0.35em">{mark.count}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="legend-title">{legend ?? t('map.legend')}</span>
        <span className="legend-item">
          <span className="swatch" style={{ background: NO_CASES }} />
          {t('map.noCases')}
        </span>
        {STEPS.map((step, i) => (
          <span key={step.min} className="legend-item">
            {step.min === 0 ? <span className="swatch none-active" /> : <span className="swatch" style={{ background: step.fill }} />}
            {stepLabel(i)}
          </span>
        ))}
        {markLegend !== undefined && (
          <span className="legend-item">
            <span className="swatch marked" />
            {markLegend}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
