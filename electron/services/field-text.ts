import { describeError } from '../../shared/errors';
import { resolveId } from './record-ids';
import { writeRows, type Change, type Store } from './store/store';
import type { RowOf, TableName } from './store/tables';

/** For each field a person may set from text (the command line, a table cell): how the text becomes values. */
export type FieldParsers<T> = Partial<Record<keyof T, (text: string) => Partial<T>>>;

/** Sets one field of a record from text, naming the record kind and field in any error. */
export function setFieldFromText<T extends TableName>(
  store: Store,
  table: T,
  parsers: FieldParsers<RowOf<T>>,
  idOrPrefix: string,
  field: string,
  text: string,
): Change[] {
  const kind = table.replace(/s$/, '');
  const id = resolveId(store, table, idOrPrefix);
  const parse = parsers[field as keyof RowOf<T>];
  if (!parse) throw new Error(`${kind} field '${field}' cannot be set; settable fields: ${Object.keys(parsers).join(', ')}`);
  let values: Partial<RowOf<T>>;
  try {
    values = parse(text);
  } catch (error) {
    throw new Error(`${kind} ${field}: ${describeError(error)}`, { cause: error });
  }
  return writeRows(store, [{ table, id, values }]);
}
