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
