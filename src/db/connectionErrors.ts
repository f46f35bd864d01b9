/**
 * Turns a driver's connection failure into one line a user can act on: which server, what failed,
 * what to check. The CLI prints `message` alone, without a stack trace.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export function describeConnectionError(error: unknown, location: string, backend: 'postgres' | 'embedded' = 'postgres'): Error {
  if (!(error instanceof Error)) return new DatabaseUnavailableError(`Cannot open the database at ${location}: ${String(error)}`);
  if (error.name === 'DataDirInUseError') return error;
  if (backend === 'embedded') {
    return new DatabaseUnavailableError(
      `Cannot open the embedded database in ${location}: ${error.message}. If the machine is very busy, try again; if the files are damaged, move the directory away (HUB_DATA_DIR) to start afresh.`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const why = reasons[code] ?? error.message;
  return new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${location}: ${why}. ${advice(code)}`);
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ETIMEDOUT: 'the connection timed out',
  '28P01': 'password authentication failed',
  '28000': 'the server refused this user',
  '3D000': 'the database does not exist',
};

function advice(code: string): string {
  if (code === '3D000') return 'Create it (createdb) or fix the database name in DATABASE_URL.';
  if (code.startsWith('28')) return 'Check the user and password in DATABASE_URL.';
  return 'Check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.';
}
