import { PHASE_LABELS, type LabelLanguage } from '../labels';
import { countryByIso2 } from '../reference/countries';
import { REGIONS } from '../reference/regions';
import { sectorByCode } from '../reference/sectors';
import type { MatchReason } from './matching';

// The words of matching's reasons (matching.ts), in Japanese and English, for the screens, the command line and the
// printed pages alike: one place, so they cannot say different things.

function sectorWord(code: string, lang: LabelLanguage): string {
  return sectorByCode(code)?.[lang] ?? code;
}

function countryWord(iso2: string, lang: LabelLanguage): string {
  return countryByIso2(iso2)?.[lang] ?? iso2;
}

function regionWord(code: string, lang: LabelLanguage): string {
  return REGIONS.find((r) => r.code === code)?.[lang] ?? code;
}

function list(words: string[], lang: LabelLanguage): string {
  return words.join(lang === 'ja' ? '・' : ', ');
}

/** A reason in words, e.g. 「対象分野は脱炭素・省エネ・再エネ・廃棄物で、郵便は対象外」. */
export function matchReasonText(reason: MatchReason, lang: LabelLanguage): string {
  const ja = lang === 'ja';
  const sector = 'sector' in reason ? sectorWord(reason.sector, lang) : '';
  switch (reason.code) {
    case 'phase_now':
      return ja ? `現在の段階（${PHASE_LABELS[reason.phase].ja}）を支援` : `serves the phase the case is in (${PHASE_LABELS[reason.phase].en})`;
    case 'phase_next':
      return ja ? `次の段階（${PHASE_LABELS[reason.phase].ja}）を支援` : `serves the next phase (${PHASE_LABELS[reason.phase].en})`;
    case 'phase_later':
      return ja ? `先の段階（${PHASE_LABELS[reason.phase].ja}）で使える` : `for a later phase (${PHASE_LABELS[reason.phase].en})`;
    case 'any_phase':
      return ja ? '段階を問わない' : 'any phase';
    case 'sector':
      return ja ? `分野が合う（${sector}）` : `serves the sector (${sector})`;
    case 'any_sector':
      return ja ? '分野を問わない' : 'open to every sector';
    case 'country':
      return ja ? `対象国（${countryWord(reason.country, lang)}）` : `eligible country (${countryWord(reason.country, lang)})`;
    case 'region':
      return ja ? `対象地域（${regionWord(reason.region, lang)}）` : `eligible region (${regionWord(reason.region, lang)})`;
    case 'any_country': {
      const written = reason.text.trim();
      if (ja) return written === '' ? '対象国の限定なし' : `対象国の限定なし（記載: ${written}）`;
      return written === '' ? 'no country limit' : `no country listed (as written: ${written})`;
    }
    case 'scheme_used_in_country':
      return ja
        ? `${countryWord(reason.country, lang)}で利用実績（${reason.organisation}「${reason.project}」）`
        : `used in ${countryWord(reason.country, lang)} (${reason.organisation}: ${reason.project})`;
    case 'scheme_used_in_sector':
      return ja
        ? `同じ分野で利用実績（${countryWord(reason.country, lang)}、${reason.organisation}「${reason.project}」）`
        : `used in the same sector (${countryWord(reason.country, lang)}, ${reason.organisation}: ${reason.project})`;
    case 'scheme_used_by_member':
      return ja ? `利用実績あり（${countryWord(reason.country, lang)}「${reason.project}」）` : `used before (${countryWord(reason.country, lang)}: ${reason.project})`;
    case 'offer_in_sector':
      return ja ? `${sector}の技術・製品「${reason.offer}」` : `offers ${reason.offer} (${sector})`;
    case 'track_record_in_country_sector':
      return ja
        ? `${countryWord(reason.country, lang)}・${sector}の実績「${reason.project}」`
        : `track record in ${countryWord(reason.country, lang)} and ${sector}: ${reason.project}`;
    case 'track_record_in_country':
      return ja ? `${countryWord(reason.country, lang)}での実績「${reason.project}」` : `track record in ${countryWord(reason.country, lang)}: ${reason.project}`;
    case 'track_record_in_sector':
      return ja
        ? `${sector}の実績（${countryWord(reason.country, lang)}「${reason.project}」）`
        : `track record in ${sector} (${countryWord(reason.country, lang)}: ${reason.project})`;
    case 'used_fitting_scheme':
      return ja ? `該当する支援ツール「${reason.scheme}」の利用実績（「${reason.project}」）` : `has used ${reason.scheme}, which fits (${reason.project})`;
    case 'phase_passed': {
      const phases = list(
        reason.phases.map((p) => PHASE_LABELS[p][lang]),
        lang,
      );
      return ja ? `支援する段階は${phases}で、案件は${PHASE_LABELS[reason.phase].ja}にある` : `serves ${phases}; the case is at ${PHASE_LABELS[reason.phase].en}`;
    }
    case 'sector_not_served': {
      const served = list(reason.labels.length > 0 ? reason.labels : reason.sectors.map((s) => sectorWord(s, lang)), lang);
      const asked = list(
        reason.sector.split(',').map((s) => sectorWord(s, lang)),
        lang,
      );
      return ja ? `対象分野は${served}で、${asked}は対象外` : `its sectors are ${served}, not ${asked}`;
    }
    case 'no_member_sectors':
      return ja ? '会員の技術・製品や実績に分野の登録がない' : "the member's offers and track records name no sector";
    case 'country_not_eligible': {
      const eligible = list([...reason.eligible.map((c) => countryWord(c, lang)), ...reason.regions.map((r) => regionWord(r, lang))], lang);
      const asked =
        reason.countries.length === 0
          ? ja
            ? '国が未定'
            : 'no country yet'
          : list(
              reason.countries.map((c) => countryWord(c, lang)),
              lang,
            );
      return ja ? `対象国・地域は${eligible}で、${asked}は対象外` : `eligible: ${eligible}; not ${asked}`;
    }
    case 'advisor_removed':
      return ja ? `登録抹消（${reason.removedOn}）` : `no longer registered (${reason.removedOn})`;
  }
}

/** An entry's reasons on one line. */
export function matchReasonsText(reasons: readonly MatchReason[], lang: LabelLanguage): string {
  return reasons.map((r) => matchReasonText(r, lang)).join(lang === 'ja' ? '／' : '; ');
}
