// The size of the store the benches build: a ministry's whole portfolio (200 countries, 20,000 cases, 200,000
// events), or a part of it with `--scale 0.1` for a quick look; the focus country's dossier stays at its full size
// down to a tenth.

export function portfolioSize(argv: readonly string[] = process.argv) {
  const scaleArg = argv.indexOf('--scale');
  const scale = scaleArg > 0 ? Number(argv[scaleArg + 1]) : 1;
  return {
    countries: Math.max(2, Math.round(200 * Math.min(1, scale))),
    cases: Math.round(20_000 * scale),
    events: Math.round(200_000 * scale),
    focus: { iso2: 'VN', cases: Math.round(300 * Math.min(1, scale * 10)), events: Math.round(3_000 * Math.min(1, scale * 10)) },
  };
}
