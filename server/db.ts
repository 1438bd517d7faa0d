import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

// The server's PostgreSQL pool, and what counts as PostgreSQL being away. PostgreSQL drops connections (a restart,
// pg_terminate_backend, a cut network) and stops answering (a lock held, an overload): the server then answers 503
// and goes on, and takes up again by itself once PostgreSQL is back. No query may wait without bound.

export interface DatabaseOptions {
  /** Longest one statement may run, lock waits included: PostgreSQL cancels it then (57014). */
  statementTimeoutMs: number;
  /** Longest opening a connection, or waiting for a free one of the pool, may take. */
  connectTimeoutMs: number;
}

export const DEFAULT_DATABASE_OPTIONS: DatabaseOptions = { statementTimeoutMs: 15_000, connectTimeoutMs: 5_000 };

/**
 * The client's own bound on a query comes this much after PostgreSQL's statement timeout: PostgreSQL cancels a slow
 * statement and keeps the connection; this one only fires when PostgreSQL does not answer at all.
 */
const QUERY_TIMEOUT_MARGIN_MS = 1_000;

/** The code of a 503 answer: PostgreSQL is away or hung, the same request may succeed later. */
export const DATABASE_UNAVAILABLE_CODE = 'database_unavailable';

/** PostgreSQL did not answer in time, or at all. */
export class DatabaseUnavailable extends Error {
  readonly code = DATABASE_UNAVAILABLE_CODE;
}

/** The pool every query of the server goes through: bounded in time, and kept alive through PostgreSQL going away. */
export function openPool(url: string, log: FastifyBaseLogger, options: DatabaseOptions = DEFAULT_DATABASE_OPTIONS): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    // Each statement is planned once per connection, for whatever values it is given: the pulls' statements are
    // written so that one plan fits every cursor, and on a log of a million changes PostgreSQL spent 9 ms planning a
    // page for each request (a plan for its values), against 1.6 ms running it.
    options: '-c plan_cache_mode=force_generic_plan',
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    connectionTimeoutMillis: options.connectTimeoutMs,
  });
  // An idle connection PostgreSQL closes (57P01 when it restarts or terminates the backend) is reported here:
  // unheard, the error would end the process. The pool opens a new connection when one is next needed.
  pool.on('error', (error) => log.warn(lostConnection(error), 'PostgreSQL closed an idle connection'));
  // A connection in use reports to its client instead, which the pool does not listen to then. The query on it, or
  // the next one, fails with the cause and the request answers that: this only keeps the process alive.
  pool.on('connect', (client) => client.on('error', (error) => log.debug(lostConnection(error), 'PostgreSQL closed a connection')));
  return pool;
}

/** What is logged of a lost connection: the pool hangs the whole client on its error, connection details and all. */
function lostConnection(error: Error): { code?: string; reason: string } {
  return { code: (error as { code?: string }).code, reason: error.message };
}

/** SQLSTATEs of a PostgreSQL shutting down (57P01, 57P02), starting (57P03), full (53300), or of our statement timeout (57014). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
/** Class 08: connection exceptions. */
const CONNECTION_EXCEPTION_CLASS = '08';
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** pg's own errors carry no code, only these messages: a lost connection and its timeouts. */
const PG_UNAVAILABLE_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
]);

/** Whether an error means PostgreSQL is away or hung, rather than a fault of the request or of the server. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnavailable || PG_UNAVAILABLE_MESSAGES.has(error.message)) return true;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS) || SOCKET_ERRORS.has(code))) return true;
  // A connection to a name with several addresses fails with each address's error.
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  return isDatabaseUnavailable(error.cause);
}

/**
 * Resolves once PostgreSQL answers `SELECT 1`. Rejects with DatabaseUnavailable when it fails, or has not answered
 * within `timeoutMs` (a wait for a free connection included).
 */
export async function checkDatabase(db: pg.Pool, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailable(`PostgreSQL did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.query('SELECT 1'), timedOut]);
  } catch (error) {
    throw error instanceof DatabaseUnavailable ? error : new DatabaseUnavailable(`PostgreSQL does not answer: ${(error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
