/**
 * Turns a driver's connection failure into one line a user can act on: which server, what failed,
 * what to check. The CLI prints `message` alone, without a stack trace.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export function describeConnectionError(error: unknown, location: string, backend: 'postgres' | 'embedded' | 'embedded-shared' = 'postgres'): Error {
  if (!(error instanceof Error)) return new DatabaseUnavailableError(`Cannot open the database at ${location}: ${String(error)}`);
  if (error.name === 'DataDirInUseError') return error;
  if (backend === 'embedded') {
    return new DatabaseUnavailableError(
      `Cannot open the embedded database in ${location}: ${error.message}. If the machine is very busy, try again; if the files are damaged, move the directory away (HUB_DATA_DIR) to start afresh.`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = reasons[code] ?? error.message;
  if (backend === 'embedded-shared') {
    return new DatabaseUnavailableError(
      `Cannot reach the embedded database in ${location}: ${why}. If that server is stopping or very busy, run the command again.`,
    );
  }
  return new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${location}: ${why}. ${advice(code)}`);
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ETIMEDOUT: 'the connection timed out',
  ENOENT: 'the socket file is gone',
  ECONNRESET: 'the server closed the connection',
  '28P01': 'password authentication failed',
  '28000': 'the server refused this user',
  '3D000': 'the database does not exist',
};

function advice(code: string): string {
  if (code === '3D000') return 'Create it (createdb) or fix the database name in DATABASE_URL.';
  if (code.startsWith('28')) return 'Check the user and password in DATABASE_URL.';
  return 'Check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.';
}

// Driver and server signs that the connection, not the statement, failed: a server restart, a
// dropped network, an administrator's pg_terminate_backend, a pool that cannot connect.
const LOST_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
const LOST_MESSAGES = /Connection terminated|connection (is )?(closed|ended)|Client has encountered a connection error|Knex: Timeout acquiring a connection|server closed the connection|PGlite is closed/i;

/** True when an error says the database became unreachable, rather than that a statement was wrong. */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as NodeJS.ErrnoException).code ?? '');
  return LOST_CODES.has(code) || code.startsWith('08') || LOST_MESSAGES.test(error.message);
}

/**
 * The message of a failed statement without the statement: knex writes "<the SQL, bindings
 * inlined> - <what the server said>", and the bindings of a page write are the whole page. The
 * server's own message never starts with a statement and rarely holds " - ", so the text after the
 * last " - " of a message that starts with a statement is what the server said.
 */
export function serverMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cut = message.lastIndexOf(' - ');
  return cut >= 0 && /^\s*(insert|update|delete|select|with|set|begin|commit|rollback|savepoint|release)\b/i.test(message) ? message.slice(cut + 3) : message;
}
