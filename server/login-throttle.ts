import type pg from 'pg';

// Password guessing: after `max` refused logins for one login name from one address within `windowMs`, that pair is
// turned away until enough refusals leave the window. Per address and login, so a guesser elsewhere cannot lock a
// user out. Counted in PostgreSQL, by its clock: every server instance on the database sees the same refusals, and
// a restart forgets none.

export interface LoginThrottleLimits {
  max: number;
  windowMs: number;
}

/** Who tries to sign in: the login name, and the address the request came from. */
export interface LoginAttempt {
  login: string;
  address: string;
}

export class LoginThrottle {
  constructor(
    private readonly db: pg.Pool,
    private readonly limits: LoginThrottleLimits,
  ) {}

  /**
   * Milliseconds this pair must wait before it may try again, or 0 when it may try now; then the attempt is counted
   * as refused until signedIn says otherwise. Counted before the password is checked, under a lock per pair, so that
   * guesses sent at once cannot all pass the count before any of them is refused.
   */
  async admit({ login, address }: LoginAttempt): Promise<number> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1 || chr(10) || $2))', [login, address]);
      // The max-th newest refusal in the window: once it leaves the window, fewer than max remain.
      const found = await client.query<{ wait_ms: number }>(
        `SELECT ceil(extract(epoch FROM refused_at + $3 * interval '1 millisecond' - now()) * 1000)::float8 AS wait_ms
           FROM login_refusals
          WHERE login = $1 AND address = $2 AND refused_at > now() - $3 * interval '1 millisecond'
          ORDER BY refused_at DESC OFFSET $4 - 1 LIMIT 1`,
        [login, address, this.limits.windowMs, this.limits.max],
      );
      const waitMs = Math.max(found.rows[0]?.wait_ms ?? 0, 0);
      if (waitMs === 0) {
        await client.query(
          `WITH expired AS (DELETE FROM login_refusals WHERE refused_at <= now() - $3 * interval '1 millisecond')
           INSERT INTO login_refusals (login, address) VALUES ($1, $2)`,
          [login, address, this.limits.windowMs],
        );
      }
      await client.query('COMMIT');
      client.release();
      return waitMs;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error as Error);
      throw error;
    }
  }

  /** The password was right: the pair's refusals, the attempt just counted among them, are forgotten. */
  async signedIn({ login, address }: LoginAttempt): Promise<void> {
    await this.db.query('DELETE FROM login_refusals WHERE login = $1 AND address = $2', [login, address]);
  }
}
