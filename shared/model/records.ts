/** The kinds of record the store keeps and the change log names. */
export const RECORD_TABLES = ['dossiers', 'cases', 'events', 'agreements', 'organisations', 'visits'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
