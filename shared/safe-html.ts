// Markup built from record text that a forgotten escape cannot inject into: `html` escapes every value put into its
// template unless the value is already SafeHtml, and only this module makes SafeHtml, so handing a plain string
// where markup is expected is a type error rather than an injection.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Markup fit to print as it is. The class stays in this module, so markup is made only by the functions below. */
class Markup {
  // A private field makes the type nominal: an object of the same shape is not markup.
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The markup as document text, to write to a file or send. */
  toString(): string {
    return this.#text;
  }
}

export type SafeHtml = Markup;

/** What a template takes: text (escaped), markup, or a list of markup (joined as it is). */
export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

function markupOf(value: HtmlValue): string {
  if (value instanceof Markup) return value.toString();
  if (Array.isArray(value)) return value.map(markupOf).join('');
  return escapeText(String(value));
}

/**
 * Whether a value after this template text would sit in a tag outside a "quoted" attribute value: there escaping
 * does not help, since a space ends an unquoted value and starts another attribute. Values never hold `<`, `>` or
 * `"` (text is escaped, markup is whole elements), so the template's own text tells where a value sits.
 */
function inTagUnquoted(templateText: string): boolean {
  const tagStart = templateText.lastIndexOf('<');
  if (tagStart === -1 || tagStart < templateText.lastIndexOf('>')) return false;
  return templateText.slice(tagStart).split('"').length % 2 === 1;
}

/**
 * Markup from a template: every value is escaped as text unless it is SafeHtml, so record text prints as the
 * characters typed, in element content and in attribute values alike. Attribute values must be quoted with `"`.
 */
export function html(literals: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let templateText = literals[0];
  let text = literals[0];
  values.forEach((value, i) => {
    if (inTagUnquoted(templateText)) throw new Error(`a value in a tag must be a "quoted" attribute value: ${literals[i].slice(-40)}\${…}`);
    templateText += literals[i + 1];
    text += markupOf(value) + literals[i + 1];
  });
  return new Markup(text);
}

/** Pieces of markup with a separator between them (the separator is escaped as text, like any value). */
export function joinHtml(parts: readonly SafeHtml[], separator: string): SafeHtml {
  return new Markup(parts.map(markupOf).join(escapeText(separator)));
}

/**
 * A CSS string literal holding text; `<` is escaped too, so the text cannot close the <style> element it sits in, and
 * so is every line break (CSS reads CR and FF as one), which would end the string and let the rest be read as rules.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[<\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * A <style> element. Its text is CSS the code wrote, with any record text inside a cssString: HTML escapes would
 * be read as CSS there (a style element's text is raw), so instead CSS that could close the element is refused.
 */
export function styleElement(css: string): SafeHtml {
  if (/<\/style/i.test(css)) throw new Error('a style sheet must not hold </style');
  return new Markup(`<style>${css}</style>`);
}
