// The edits of the sync bench (sync.ts) and of its load generator (sync-load.ts): which fields, and what text.

export const FIELDS = ['summary', 'futurePolicy', 'notes', 'nextAction', 'financing', 'outcomeFraming', 'effectExamples', 'nextSteps', 'talkingPoints', 'region'] as const;

/** A text of about `size` characters, different per record, field and round: a realistic narrative edit. */
export function text(round: number, record: number, field: string, size = 120): string {
  const unit = `第${round}版 ${field} 案件${record}: 現地政府との協議を継続し、実証事業の範囲と資金計画を確認する。`;
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
