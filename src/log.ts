import pino, { type Logger } from 'pino';

/** Structured JSON logs (one object per line), the form log collectors read. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'disclosure-hub' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
