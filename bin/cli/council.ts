import type { Command } from 'commander';
import { ORGANISATION_TYPE_LABELS, PHASE_LABELS } from '../../shared/labels';
import { sectorByCode } from '../../shared/reference/sectors';
import { countryNames, shortId, type CliContext } from './context';
import { formatTable } from './table';

// `karte schemes`, `members`, `member` and `advisors`: the council database (支援ツール, 協議会会員, アドバイザー).

function sectorNames(codes: string[]): string {
  return codes.map((code) => sectorByCode(code)?.ja ?? code).join('・');
}

const SIZE_TEXT = { large: '大企業', sme: '中小企業', unknown: '—' } as const;

interface ListOptions {
  sector?: string;
  country?: string;
}

export function registerCouncilCommands(program: Command, { run, print }: CliContext): void {
  program
    .command('schemes')
    .description('list support schemes (支援ツール) by owner; a scheme naming no sectors or countries serves every one')
    .option('--sector <sector>', 'only schemes that may serve this sector (code or label: 廃棄物, postal)')
    .option('--phase <phase>', 'only schemes for this phase (consideration, consultation, mou_top_sales, survey_demo, order_management)')
    .option('--country <iso2>', 'only schemes open to this country')
    .action((filter: ListOptions & { phase?: string }) =>
      run(async (karte) => {
        const rows = await karte.call('schemes.list', filter);
        print(rows, () =>
          formatTable(
            ['id', 'owner', 'type', 'phases', 'sectors', 'scope', 'name'],
            rows.map((s) => [
              shortId(s.id),
              s.owner,
              s.type,
              s.phases.map((p) => PHASE_LABELS[p].ja).join('・') || '—',
              s.sectors.length === 0 ? s.sectorLabels.join('・') || '全分野' : sectorNames(s.sectors),
              s.scope,
              s.name,
            ]),
          ),
        );
      }),
    );

  program
    .command('members')
    .description('list the council’s members with the sectors of their offers and projects abroad')
    .option('--sector <sector>', 'only members offering this sector or with a project abroad in it')
    .option('--country <iso2>', 'only members with a project abroad in this country')
    .action((filter: ListOptions) =>
      run(async (karte) => {
        const rows = await karte.call('members.list', filter);
        print(rows, () =>
          formatTable(
            ['id', 'location', 'size', 'offers', 'projects', 'countries', 'sectors', 'name'],
            rows.map((m) => [
              shortId(m.id),
              m.location || '—',
              SIZE_TEXT[m.size],
              String(m.offers),
              String(m.trackRecords),
              countryNames(m.countries) || '—',
              sectorNames(m.sectors) || '—',
              m.nameJa,
            ]),
          ),
        );
      }),
    );

  program
    .command('member')
    .description('show a member’s profile, what it offers and its projects abroad (海外展開実績)')
    .argument('<id>', 'organisation id or its first characters')
    .action((id: string) =>
      run(async (karte) => {
        const member = await karte.call('member.get', { id });
        const schemes = new Map((await karte.call('schemes.list', {})).map((s) => [s.id, s.name]));
        const o = member.organisation;
        print(member, () =>
          [
            o.nameJa + (o.nameEn ? ` (${o.nameEn})` : ''),
            `id        ${o.id}`,
            `type      ${ORGANISATION_TYPE_LABELS[o.type].ja}    size ${SIZE_TEXT[o.size]}    location ${o.location || '—'}    council ${o.councilMember ? 'member' : 'no'}    scope ${o.scope}`,
            ...(o.description ? [o.description] : []),
            '',
            '技術・製品・サービス',
            ...(member.offers.length === 0 ? ['  —'] : member.offers.map((x) => `  ${shortId(x.id)}  [${x.kind}] ${x.name}  ${sectorNames(x.sectors)}  (${x.scope})`)),
            '海外展開実績',
            ...(member.trackRecords.length === 0
              ? ['  —']
              : member.trackRecords.map(
                  (r) =>
                    `  ${shortId(r.id)}  ${countryNames([r.country])} ${r.place}  ${r.project}  ${r.schemeId ? (schemes.get(r.schemeId) ?? r.category) : r.category}  (${r.scope})`,
                )),
          ].join('\n'),
        );
      }),
    );

  program
    .command('advisors')
    .description('list advisors (アドバイザー), registered ones first')
    .option('--sector <sector>', 'only advisors who know this sector')
    .option('--country <iso2>', 'only advisors who know this country')
    .action((filter: ListOptions) =>
      run(async (karte) => {
        const rows = await karte.call('advisors.list', filter);
        print(rows, () =>
          formatTable(
            ['id', 'countries', 'sectors', 'languages', 'removed', 'scope', 'name'],
            rows.map((a) => [
              shortId(a.id),
              countryNames(a.countries) || '—',
              sectorNames(a.sectors) || '—',
              a.languages.join('・') || '—',
              a.removedOn === null ? '—' : a.removedOn.text || '✓',
              a.scope,
              a.affiliation ? `${a.name} (${a.affiliation})` : a.name,
            ]),
          ),
        );
      }),
    );
}
