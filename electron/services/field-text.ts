import { describeError, KarteError } from '../../shared/errors';
import { resolveId } from './record-ids';
import { writeRows, type Change, type Store } from './store/store';
import type { RowOf, TableName } from './store/tables';

/** For each field a person may set from text (the command line, a table cell): how the text becomes values. */
export type FieldParsers<T, F extends string> = Record<F, (text: string) => Partial<T>>;

/** Sets one field of a record from text, naming the record kind and field in any error. */
export function setFieldFromText<T extends TableName, F extends string>(
  store: Store,
  table: T,
  parsers: FieldParsers<RowOf<T>, F>,
  idOrPrefix: string,
  field: string,
  text: string,
): Change[] {
  const kind = table.replace(/s$/, '');
  const id = resolveId(store, table, idOrPrefix);
  const parse = Object.hasOwn(parsers, field) ? parsers[field as F] : undefined;
  if (!parse) throw new KarteError('invalid_arguments', `${kind} field '${field}' cannot be set; settable fields: ${Object.keys(parsers).join(', ')}`, { table, field });
  let values: Partial<RowOf<T>>;
  try {
    values = parse(text);
  } catch (error) {
    if (error instanceof KarteError) throw error;
    throw new KarteError('invalid_arguments', `${kind} ${field}: ${describeError(error)}`, { table, field }, { cause: error });
  }
  return writeRows(store, [{ table, id, values }]);
}
