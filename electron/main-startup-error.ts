import { errorEnvelope } from '../shared/errors';
import en from '../shared/locales/en/errors.json';
import ja from '../shared/locales/ja/errors.json';

// When the app cannot start there is no window to word the error in: the main process says it in a dialog, from the
// same texts the screens use. Both languages, since the language chosen is kept by the window that did not open.

type ErrorTexts = { code: Record<string, string> };

/** The text of a code that needs no details filled in; else the general one (the details are in the log). */
function textOf(texts: ErrorTexts, code: string): string {
  const text = texts.code[code];
  return text === undefined || text.includes('{{') ? texts.code.internal : text;
}

export function startupFailureText(error: unknown): string {
  const { code } = errorEnvelope(error);
  return `Karteを開始できません。${textOf(ja, code)}\n\nKarte cannot start. ${textOf(en, code)}`;
}
