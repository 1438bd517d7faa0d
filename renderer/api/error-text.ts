import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope, ImportProblem, IssueData } from '../../shared/errors';
import { fieldNamespace } from '../labels';
import { ApiFailure } from './client';

// What went wrong, in the user's language and saying what to do next, worded from the error's code and details
// (shared/errors.ts) by shared/locales/*/errors.json. The back end's English message never reaches the screen: it
// goes to the console for whoever investigates.

/** A field's name as the screens call it, from the path of an issue or the field of an error. */
export function fieldName(t: TFunction, table: string | undefined, field: string): string {
  return t(`${fieldNamespace(table)}.${field}`, { defaultValue: field });
}

function recordName(t: TFunction, table: string | undefined): string {
  return t(`labels:record.${table ?? 'any'}`, { defaultValue: t('errors:record.any') });
}

/** The values an issue allows; codes of a vocabulary the labels name (params.vocabulary) by their labels. */
function valuesText(t: TFunction, issue: IssueData): string {
  const values = Array.isArray(issue.values) ? issue.values.map(String) : String(issue.values ?? '').split('、');
  const vocabulary = typeof issue.vocabulary === 'string' ? issue.vocabulary : null;
  return values.map((value) => (vocabulary === null ? value : t(`labels:${vocabulary}.${value}`, { defaultValue: value }))).join('、');
}

/** One zod issue, worded from its code (the field first, when it names one). */
function issueText(t: TFunction, table: string | undefined, issue: IssueData): string {
  const text = (() => {
    switch (issue.code) {
      case 'invalid_type':
        return t('errors:issue.invalid_type');
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) === 1 ? t('errors:issue.required') : t('errors:issue.too_small_text', { minimum: issue.minimum });
        return t('errors:issue.too_small', { minimum: issue.minimum });
      case 'too_big':
        return issue.origin === 'string' ? t('errors:issue.too_big_text', { maximum: issue.maximum }) : t('errors:issue.too_big', { maximum: issue.maximum });
      case 'invalid_value':
        return t('errors:issue.invalid_value', { values: valuesText(t, issue) });
      case 'invalid_format':
        return t('errors:issue.invalid_format');
      default:
        return t('errors:issue.other');
    }
  })();
  const field = issue.path.findLast((part) => typeof part === 'string');
  return field === undefined ? text : t('errors:issueAt', { field: fieldName(t, table, field), text });
}

/** What to fix about one problem of an imported file (the screen shows the file and the place beside it). */
export function problemText(t: TFunction, problem: ImportProblem): string {
  if (problem.code === 'invalid') return issueText(t, undefined, { code: String(problem.params.issue), path: [], message: problem.message, ...problem.params });
  return t(`errors:import.${problem.code}`, problem.params);
}

/** The whole of an error, on one line (import problems are listed by importProblemTexts). */
export function errorText(t: TFunction, error: ErrorEnvelope): string {
  const { details } = error;
  const reason = details.params?.reason;
  const params = {
    ...details.params,
    // A refusal's reason is a code of its own (errors:reason).
    ...(reason === undefined ? {} : { reason: t(`errors:reason.${reason}`) }),
    // Sectors and regions travel as codes: named here in the user's language, an unknown code as it was typed.
    ...(details.params?.sector === undefined ? {} : { sector: t(`labels:sector.${details.params.sector}`, { defaultValue: String(details.params.sector) }) }),
    ...(details.params?.region === undefined ? {} : { region: t(`labels:region.${details.params.region}`, { defaultValue: String(details.params.region) }) }),
    record: recordName(t, details.table),
    id: details.record ?? '',
    field: details.field === undefined ? '' : fieldName(t, details.table, details.field),
  };
  const text = t(`errors:code.${error.code}`, params);
  const issues = (details.issues ?? []).map((issue) => issueText(t, details.table, issue));
  return issues.length === 0 ? text : `${text} ${issues.join('／')}`;
}

/** The envelope of whatever a call rejected with; a fault that is not one is an internal error, logged. */
export function envelopeOf(error: unknown): ErrorEnvelope {
  if (error instanceof ApiFailure) return error.error;
  console.error(error);
  return { code: 'internal', message: String(error), details: {} };
}

/** `(error) => text` in the current language, for the catch of a call. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const envelope = envelopeOf(error);
      if (envelope.code === 'internal') console.error(envelope.message);
      return errorText(t, envelope);
    },
    [t],
  );
}
