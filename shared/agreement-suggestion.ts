import type { AgreementKind } from './model/agreement';
import type { Agreement } from './model/agreement';
import { SIGNATORY_LEVEL_LABELS } from './labels';

// Which timeline events record an agreement (覚書, 協力覚書, 共同声明, E/N, MOA …), read from their text as desk
// officers write it: 「大臣間で改定覚書に署名」, 「局長間で覚書に署名」, 「評価局長と越副大臣とで覚書署名」. Only a
// suggestion: a person confirms it (「協定として登録」 on the timeline, `karte agreements suggest --accept-all`).

/** The levels an agreement is signed at, highest first (首脳 … 実務者). */
export const SIGNATORY_LEVELS = ['summit', 'minister', 'vice_minister', 'parliamentary_vice_minister', 'director_general', 'working_level'] as const;
export type SignatoryLevel = (typeof SIGNATORY_LEVELS)[number];

export interface AgreementSuggestion {
  kind: AgreementKind;
  /** Each side's level in the order the text names them, once each: 大臣間 → [minister]; 評価局長と越副大臣 → [director_general, vice_minister]. */
  levels: SignatoryLevel[];
  /** The levels as the register writes them: 大臣間, 局長・副大臣間; '' when the text names none. */
  signatoryLevel: string;
  /** 'negotiating' when the text says the signing is still to come (予定, に向け), else 'signed'. */
  status: Agreement['status'];
}

/** Words that say an event is about an agreement. */
const AGREEMENT_WORDS = /署名|覚書|共同声明|合意|交換公文|E\/N|\bMo[UCA]\b|\bMOU\b|\bMOC\b|協定/i;

/**
 * Agreements between companies (基本合意書 of a Japanese company and the post), orders and contracts are business,
 * not the bilateral record of governments: not suggested.
 */
const NOT_BETWEEN_GOVERNMENTS = /企業|民間|社間|契約|受注/;

/** The kind by its most specific word first: 合意覚書 before 覚書, 協力覚書 before 覚書. */
const KIND_WORDS: [RegExp, AgreementKind][] = [
  [/共同声明|joint statement/i, 'joint_statement'],
  [/交換公文|E\/N/i, 'exchange_of_notes'],
  [/合意覚書|\bMOA\b/i, 'moa'],
  [/協力覚書|協力文書|\bMoC\b/i, 'moc'],
  [/覚書|\bMoU\b/i, 'mou'],
  // ODA is started by an exchange of notes between the governments: 「ODA実施の署名式」.
  [/(ODA|円借款|無償資金協力).*署名|署名.*(ODA|円借款|無償資金協力)/, 'exchange_of_notes'],
];

/** Level words, the longer first: 大臣政務官 and 副大臣 are not 大臣. (首相, 大統領 also name 副首相, 大統領府.) */
const LEVEL_WORDS: [string, SignatoryLevel][] = [
  ['首脳', 'summit'],
  ['大臣政務官', 'parliamentary_vice_minister'],
  ['副大臣', 'vice_minister'],
  ['政務官', 'parliamentary_vice_minister'],
  ['大臣', 'minister'],
  ['局長', 'director_general'],
  ['実務者', 'working_level'],
  ['作業部会', 'working_level'],
  ['課長', 'working_level'],
];
const LEVEL_PATTERN = new RegExp(`(${LEVEL_WORDS.map(([word]) => word).join('|')})(立ち?会)?`, 'g');
const LEVEL_OF = new Map(LEVEL_WORDS);

const STILL_TO_COME = /予定|に向け|協議中|交渉中|調整中/;

/** The levels a text names, in order, once each; a level that only witnessed the signing (大臣立ち会い) is not a signatory. */
export function signatoryLevelsOf(text: string): SignatoryLevel[] {
  const levels: SignatoryLevel[] = [];
  for (const match of text.matchAll(LEVEL_PATTERN)) {
    if (match[2]) continue;
    const level = LEVEL_OF.get(match[1])!;
    if (!levels.includes(level)) levels.push(level);
  }
  return levels;
}

/** 大臣間, 局長・副大臣間: the levels as the register and the events' 署名・会談レベル write them. */
export function signatoryLevelText(levels: readonly SignatoryLevel[]): string {
  return levels.length === 0 ? '' : `${levels.map((level) => SIGNATORY_LEVEL_LABELS[level].ja).join('・')}間`;
}

/** What an event's text says of an agreement it records, or null when it records none. */
export function suggestAgreement(text: string): AgreementSuggestion | null {
  const normalised = text.normalize('NFKC');
  if (!AGREEMENT_WORDS.test(normalised) || NOT_BETWEEN_GOVERNMENTS.test(normalised)) return null;
  const kind = KIND_WORDS.find(([pattern]) => pattern.test(normalised))?.[1] ?? 'other';
  const levels = signatoryLevelsOf(normalised);
  return { kind, levels, signatoryLevel: signatoryLevelText(levels), status: STILL_TO_COME.test(normalised) ? 'negotiating' : 'signed' };
}
