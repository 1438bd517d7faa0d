// The roles a column of a 別表 sheet can have, on their own: the API's contract names them, and it is loaded by the
// desktop app's main process, which must not load the reference data the sheet reading needs.

/** What a column of a 別表 sheet holds. */
export const COLUMN_ROLES = ['sector', 'summary', 'country', 'consideration', 'consultation', 'mou_top_sales', 'survey_demo', 'order_management', 'futurePolicy', 'notes'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * What a person said the columns of a sheet hold when their headings were not recognised: the heading row's texts
 * (by which a file of the same shape is known again) and each column's role, null for a column to leave out.
 */
export interface ColumnMapping {
  headings: string[];
  roles: (ColumnRole | null)[];
}
