import { describe, expect, it } from 'vitest';
import { signatoryLevelsOf, suggestAgreement } from '../../shared/agreement-suggestion';

// Which timeline events record an agreement, read from their text as the 別表 writes it (Vietnam's and the
// Philippines' real events), with the kind and the level on each side.

describe('suggestAgreement', () => {
  it.each([
    ['大臣間で改定覚書に署名', 'mou', ['minister'], '大臣間'],
    ['局長間で覚書に署名', 'mou', ['director_general'], '局長間'],
    ['副大臣間で郵便覚書に署名', 'mou', ['vice_minister'], '副大臣間'],
    ['大臣間のICT覚書に郵便を追加', 'mou', ['minister'], '大臣間'],
    ['覚書を大臣間に格上げ', 'mou', ['minister'], '大臣間'],
    ['評価局長と越副大臣とで覚書署名', 'mou', ['director_general', 'vice_minister'], '局長・副大臣間'],
    ['公安省副大臣と政務官との間で覚書に署名', 'mou', ['vice_minister', 'parliamentary_vice_minister'], '副大臣・政務官間'],
    ['大臣間で協力推進の合意', 'other', ['minister'], '大臣間'],
    ['共同作業部会で協力について合意', 'other', ['working_level'], '実務者間'],
    ['(再掲) 大臣間で協力覚書に署名(対:情報通信技術大臣)', 'moc', ['minister'], '大臣間'],
    ['首脳会談で共同声明を発出', 'joint_statement', ['summit'], '首脳間'],
    ['交換公文(E/N)に署名', 'exchange_of_notes', [], ''],
    ['ＭＯＡに署名', 'moa', [], ''],
    ['MoCを締結', 'moc', [], ''],
  ])('%s → %s at %j', (text, kind, levels, signatoryLevel) => {
    expect(suggestAgreement(text)).toEqual({ kind, levels, signatoryLevel, status: 'signed' });
  });

  it('takes an ODA signing for an exchange of notes, and a minister who only witnessed it for no signatory', () => {
    expect(suggestAgreement('ODA実施の署名式に大臣立ち会い')).toEqual({ kind: 'exchange_of_notes', levels: [], signatoryLevel: '', status: 'signed' });
  });

  it('says a signing still to come is under negotiation', () => {
    expect(suggestAgreement('2021年度に大臣間で覚書に署名予定')).toMatchObject({ kind: 'mou', status: 'negotiating' });
    expect(suggestAgreement('覚書の締結に向けて協議')).toMatchObject({ status: 'negotiating' });
  });

  it.each([
    '越・情報通信省から協力要請',
    'サービス開始。日本企業が収益分配獲得',
    '日本企業とベトナム郵便間で基本合意書締結',
    'ホーチミン新区分センターの区分機を日本企業が受注',
    '副大臣間の協力(区分機)',
    '日ASEAN情報通信大臣会で総務省が議論をリード、タイでのセンターの運用が決定',
  ])('suggests nothing for %s', (text) => {
    expect(suggestAgreement(text)).toBeNull();
  });
});

describe('signatoryLevelsOf', () => {
  it('reads 副大臣 and 大臣政務官 as themselves, not as 大臣, and each level once', () => {
    expect(signatoryLevelsOf('副大臣と副大臣')).toEqual(['vice_minister']);
    expect(signatoryLevelsOf('大臣政務官と局長')).toEqual(['parliamentary_vice_minister', 'director_general']);
    expect(signatoryLevelsOf('大統領府広報部次官と大臣')).toEqual(['minister']);
  });
});
