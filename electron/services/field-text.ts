import { describeError, KarteError } from '../../shared/errors';
import { isScope, SCOPES, type Scope } from '../../shared/scopes';
import { resolveId } from './record-ids';
import { writeRows, type Change, type Store } from './store/store';
import type { RowOf, TableName } from './store/tables';

/** For each field a person may set from text (the command line, a table cell): how the text becomes values. */
export type FieldParsers<T, F extends string> = Record<F, (text: string) => Partial<T>>;

/** The values one field's text sets, by the record kind's parsers, naming the record kind and field in any error. */
export function valuesFromText<T, F extends string>(table: TableName, parsers: FieldParsers<T, F>, field: string, text: string): Partial<T> {
  const kind = table.replace(/s$/, '');
  const parse = Object.hasOwn(parsers, field) ? parsers[field as F] : undefined;
  if (!parse) throw new KarteError('invalid_arguments', `${kind} field '${field}' cannot be set; settable fields: ${Object.keys(parsers).join(', ')}`, { table, field });
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof KarteError) throw error;
    throw new KarteError('invalid_arguments', `${kind} ${field}: ${describeError(error)}`, { table, field }, { cause: error });
  }
}

/** Sets one field of a record from text, naming the record kind and field in any error. */
export function setFieldFromText<T extends TableName, F extends string>(
  store: Store,
  table: T,
  parsers: FieldParsers<RowOf<T>, F>,
  idOrPrefix: string,
  field: string,
  text: string,
): Change[] {
  const id = resolveId(store, table, idOrPrefix);
  return writeRows(store, [{ table, id, values: valuesFromText(table, parsers, field, text) }]);
}

/** A scope as typed, or an error that names the record kind's scope field and lists the scopes. */
export function scopeFromText(text: string, table: TableName): Scope {
  if (!isScope(text)) throw new KarteError('invalid_arguments', `unknown scope '${text}'; scopes: ${SCOPES.join(', ')}`, { table, field: 'scope' });
  return text;
}
