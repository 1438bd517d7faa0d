import { z } from 'zod';

/** "path.to.field: message" for each zod issue, or the error's own message, on one line. */
export function describeError(error: unknown, prefix: PropertyKey[] = []): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .map((issue) => {
        const path = formatPath([...prefix, ...issue.path]);
        return path === '' ? issue.message : `${path}: ${issue.message}`;
      })
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** cases[3].events[0].phase */
export function formatPath(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

// Errors as data: whatever crosses from the back end to a screen (IPC, HTTP, a MessagePort) is an ErrorEnvelope, a
// stable code with the details that name what failed. The screen words it in the user's language from the code
// (renderer/api/error-text.ts); the English message is for logs, the command line and developers, never a screen.

export const ERROR_CODES = [
  /** No API method by that name. */
  'unknown_method',
  /** The call's arguments do not fit the contract: details.issues. */
  'invalid_arguments',
  /** No record by that id (or id prefix): details.table, details.record. */
  'not_found',
  /** An id prefix that fits several records: details.table, details.record. */
  'ambiguous_id',
  /** The record was deleted: details.table, details.record. */
  'deleted',
  /** A write would leave the record invalid: details.table, details.record, details.issues. */
  'invalid_record',
  /** One field's value is longer than a value may be: details.field, params.limitKiB. */
  'value_too_long',
  /** The record as a whole would be larger than a record may be: params.limitKiB. */
  'record_too_large',
  /** A date as typed that reads as no date: params.text. */
  'invalid_date',
  /** A number as typed that reads as no number (an indicator's target, actual, baseline): details.field, params.text. */
  'not_a_number',
  /** A country that is no ISO 3166-1 country: params.country. */
  'unknown_country',
  /** A text the record needs was left empty: details.table, details.field. */
  'text_required',
  /** A visit's outcome for a case the visit is not linked to: details.record (the case). */
  'case_not_in_visit',
  /** A 想定問答 names both a case and a visit, or neither: it belongs to exactly one of them. */
  'question_parent',
  /** A counterpart profile linked to a visit to another country than the profile's: details.record (the visit). */
  'profile_other_country',
  /** Files that cannot be imported, nothing imported: details.problems. */
  'import_failed',
  /** A workbook Karte will not open (too large, password-protected, with macros, no .xlsx): params.file, params.reason. */
  'workbook_refused',
  /** A conflict that is unknown or already settled: details.record. */
  'conflict_not_open',
  /** Keep mine or a merge over a value written since, which nobody here has seen: params.author. */
  'conflict_overwritten',
  /** This host cannot show or hand over what the back end makes (briefing packs, exported files). */
  'delivery_unavailable',
  /** A pack asked for what it cannot hold (a case narrower than its audience …): params.reason. */
  'pack_refused',
  /** A second 方向性 for a sector its country or region has one for already: details.record (that one), params.sector (its code). */
  'direction_exists',
  /** A sector code not in the sector vocabulary: params.sector. */
  'unknown_sector',
  /** A region code not among the regions: params.region. */
  'unknown_region',
  /**
   * A member's profile, offer or track record another organisation created, changed by a company signed in (only
   * government bodies change any): details.table, details.record.
   */
  'not_own_member',
  /** Sync without an account on this device. */
  'sync_not_signed_in',
  /** The sync server cannot be reached: params.server. */
  'sync_unreachable',
  /** The server refused the sign-in or the token (401): sign in again. */
  'sync_signed_out',
  /** The server refused the login name and password (or the account is disabled). */
  'sync_login_refused',
  /** An operator revoked this device; its synced data was removed. */
  'sync_device_revoked',
  /** Too many refused sign-ins: params.minutes to wait. */
  'sync_throttled',
  /** The server is up but its database is not (503), or it failed (5xx): try again later. */
  'sync_server_unavailable',
  /** Any other refusal of the server: params.status, params.reason (the server's own words). */
  'sync_refused',
  /** An answer of the server this version does not understand: update Karte. */
  'sync_answer_invalid',
  /** Signing in without the server works only for the account last signed in here. */
  'sync_offline_impossible',
  /** The password checked on this device (the server cannot be reached) is wrong. */
  'sync_offline_wrong_password',
  /** The store cannot be read with the key given (or without one): a wrong passphrase, or not a Karte store. */
  'store_locked',
  /** The store was written by a newer Karte: update Karte. */
  'store_newer',
  /** The call came without the run's token (browser mode), or from a page that is not Karte's own. */
  'not_authorized',
  /** The back end's process stopped: restart it. */
  'back_end_stopped',
  /** Anything else: a fault of Karte, told in its English message. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem of an imported file, as data: the screen words it from its code. */
export const IMPORT_PROBLEM_CODES = [
  'unreadable',
  'not_utf8',
  'not_utf8_shift_jis',
  'not_json',
  'invalid',
  'unknown_country',
  'impossible_date',
  'repeated_case',
  /** A workbook or CSV file with no sheet Karte recognises by its headings. */
  'no_sheets',
  /** A CSV file in no encoding Karte reads (UTF-8, Shift_JIS). */
  'unknown_encoding',
  /** A cell whose text is no date: params.text. */
  'cell_date',
  /** A cell whose text its field cannot take: params.text, params.reason (the error code). */
  'cell_invalid',
  /** An event naming a case neither the store nor the file holds: params.case. */
  'unknown_case',
  /** A record's id on two rows: params.of (the first row). */
  'repeated_row',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** One problem of an imported file: the file, where in it, and what, as data (the message in English). */
export interface ImportProblem {
  file: string;
  /** Where in the file: 'cases[3].events[0].phase', or '' for the file as a whole or a sheet's cell. */
  where: string;
  /** The cell of a sheet (a workbook's, or a CSV file's): the sheet, its row as Excel numbers it, its column's heading. */
  cell?: { sheet: string; row: number; column: string };
  code: ImportProblemCode;
  params: Record<string, string | number>;
  message: string;
}

/** A zod issue as it crosses a boundary: enough for zod's own locales to word it again (renderer). */
export interface IssueData {
  code: string;
  path: (string | number)[];
  message: string;
  [key: string]: unknown;
}

export interface ErrorDetails {
  /** The kind of record (a table of the store) and its id, or the id as typed. */
  table?: string;
  record?: string;
  field?: string;
  file?: string;
  issues?: IssueData[];
  problems?: ImportProblem[];
  params?: Record<string, string | number>;
}

export interface ErrorEnvelope {
  code: ErrorCode;
  /** In English, for logs and developers. */
  message: string;
  details: ErrorDetails;
}

/** An error that knows its code: what the back end throws for anything a person may meet. */
export class KarteError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'KarteError';
  }

  toEnvelope(): ErrorEnvelope {
    return { code: this.code, message: this.message, details: this.details };
  }

  /** The error an envelope carried across a boundary, to throw again on this side. */
  static of(envelope: ErrorEnvelope): KarteError {
    return new KarteError(envelope.code, envelope.message, envelope.details);
  }
}

/** zod's issues, plain and without the input they judged (it may be large, and is the user's own anyway). */
export function issuesOf(error: z.ZodError, prefix: PropertyKey[] = []): IssueData[] {
  return error.issues.map(({ input: _input, ...issue }) => ({ ...issue, path: [...prefix, ...issue.path].map((p) => (typeof p === 'number' ? p : String(p))) }) as IssueData);
}

/** Any error as an envelope: a KarteError as it is, anything else as an internal fault with its message. */
export function errorEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof KarteError) return error.toEnvelope();
  if (error instanceof z.ZodError) return { code: 'invalid_arguments', message: describeError(error), details: { issues: issuesOf(error) } };
  return { code: 'internal', message: describeError(error), details: {} };
}
