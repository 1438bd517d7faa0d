import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCase } from '../../electron/services/cases';
import { openDossier } from '../../electron/services/dossiers';
import { search } from '../../electron/services/search';
import { karte } from '../support/cli';
import { pdfText, squeezed } from '../support/pdf';
import { demoFiles, useTempDir } from '../support/temp';

// The case fields a briefing pack needs, set from the command line as a person would, read back from the PDF.

describe('briefing fields in the pack', () => {
  const temp = useTempDir();

  it('prints the English translation where there is one and the Japanese original, marked, where not; the Japanese pack stays Japanese', async () => {
    const db = path.join(temp.dir(), 'fields.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const target = openDossier(temp.store(path.basename(db)), 'VN').cases[0].case;
    const set = (field: string, text: string) => {
      const result = karte(['--db', db, 'case', 'set', target.id, field, text]);
      expect(result.status, result.stderr).toBe(0);
    };
    set('sdgGoals', '11, 9');
    set('outcomeFraming', '災害による死傷者の減少');
    set('effectExamples', '警報の発出が10分早まった');
    set('nextSteps', '次期入札への参加を働きかける');
    set('talkingPoints', '日本の技術の信頼性を強調する');
    set('translations', JSON.stringify({ en: { outcomeFraming: 'Fewer disaster casualties', talkingPoints: 'Stress the reliability of Japanese technology' } }));

    const store = temp.store(path.basename(db));
    expect(getCase(store, target.id).case).toMatchObject({
      sdgGoals: [9, 11],
      outcomeFraming: '災害による死傷者の減少',
      translations: { en: { outcomeFraming: 'Fewer disaster casualties' } },
    });
    // The new texts and their translations are found by search.
    expect(search(store, '死傷者').hits.map((hit) => hit.id)).toContain(target.id);
    expect(search(store, 'casualties').hits.map((hit) => hit.id)).toContain(target.id);

    const pack = async (lang: string) => {
      const out = path.join(temp.dir(), `${lang}.pdf`);
      const result = karte(['--db', db, 'pack', '--country', 'VN', '--cases', target.id, '--lang', lang, '--audience', 'council', '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      return squeezed(await pdfText(out));
    };

    const en = await pack('en');
    for (const expected of [
      'Development outcomes',
      'Fewer disaster casualties',
      'SDG 9: Industry, innovation and infrastructure',
      'SDG 11: Sustainable cities and communities',
      'Talking points',
      'Stress the reliability of Japanese technology',
    ]) {
      expect(en, expected).toContain(squeezed(expected));
    }
    expect(en).not.toContain('災害による死傷者の減少');
    expect(en).not.toContain('日本の技術の信頼性を強調する');
    expect(en).toContain(squeezed('Examples of effects [Japanese original] 警報の発出が10分早まった'));
    expect(en).toContain(squeezed('Next steps [Japanese original] 次期入札への参加を働きかける'));

    const ja = await pack('ja');
    for (const expected of [
      '開発効果災害による死傷者の減少',
      '効果の事例警報の発出が10分早まった',
      '今後の進め方次期入札への参加を働きかける',
      '発言要領',
      '日本の技術の信頼性を強調する',
      'SDG9:産業と技術革新の基盤をつくろう',
    ]) {
      expect(ja, expected).toContain(expected);
    }
    expect(ja).not.toContain('Fewer');
    expect(ja).not.toContain('[Japanese original]');
  });

  it('refuses an SDG goal outside 1–17 and translations that are not per-language texts, and changes nothing', () => {
    const db = path.join(temp.dir(), 'refuse.sqlite');
    expect(karte(['--db', db, 'import', ...demoFiles()]).status).toBe(0);
    const target = openDossier(temp.store(path.basename(db)), 'VN').cases[0].case;
    const goal = karte(['--db', db, 'case', 'set', target.id, 'sdgGoals', '9, 18']);
    expect(goal.status).not.toBe(0);
    expect(goal.stderr).toContain('case sdgGoals');
    const translations = karte(['--db', db, 'case', 'set', target.id, 'translations', '{"en":{"title":"x"}}']);
    expect(translations.status).not.toBe(0);
    expect(translations.stderr).toContain('case translations');
    expect(getCase(temp.store(path.basename(db)), target.id).case).toMatchObject({ sdgGoals: [], translations: {} });
  });
});
