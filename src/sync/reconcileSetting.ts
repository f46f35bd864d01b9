import cron from 'node-cron';
import { ConfigError } from '../config/config';
import { readsWholeEveryRun, type ConnectorDefinition, type ReconcileDeclaration } from './stream';
import { fullName, selectStreams, streamVariable, type SelectedStream } from './selection';

/**
 * A stream that declares no reconciliation gets this: the whole source re-read once a week, early
 * on Sunday (China time), when feeds and readers are quiet.
 */
export const DEFAULT_RECONCILE: ReconcileDeclaration = { schedule: '0 3 * * 0' };

/** The variable that overrides a stream's reconciliation, e.g. HUB_RECONCILE_TRADING_NOTICES. */
export const RECONCILE_VARIABLE = 'HUB_RECONCILE';

/** What a stream's reconciliation is, once its declaration, the default and the environment are combined. */
export type ReconcileSetting =
  | { reconciled: false; reason: string }
  /** `schedule` null: never fired, only run on request. `windowDays` null: the whole source. */
  | { reconciled: true; schedule: string | null; windowDays: number | null };

/** What one HUB_RECONCILE_* variable changes; a field left out keeps the declared value. */
export interface ReconcileOverride {
  schedule?: string | null;
  windowDays?: number | null;
}

export function reconcileSetting(selected: SelectedStream, override: ReconcileOverride = {}): ReconcileSetting {
  const whole = readsWholeEveryRun(selected.stream);
  if (whole) return { reconciled: false, reason: whole };
  const declared = selected.stream.reconcile ?? DEFAULT_RECONCILE;
  const base = declared === 'off' ? { schedule: null, windowDays: null } : { schedule: declared.schedule, windowDays: declared.windowDays ?? null };
  return {
    reconciled: true,
    schedule: override.schedule !== undefined ? override.schedule : base.schedule,
    windowDays: override.windowDays !== undefined ? override.windowDays : base.windowDays,
  };
}

/** How a window reads in `hub status` and `hub sync --reconcile`. */
export function describeWindow(windowDays: number | null): string {
  return windowDays === null ? 'whole source' : `last ${windowDays} day${windowDays === 1 ? '' : 's'}`;
}

/**
 * Reads every `HUB_RECONCILE_<CONNECTOR>_<STREAM>` variable: `off`, a cron expression, a window
 * (`window=30d`, `window=full`), or an expression and a window. A variable that names no stream,
 * or one read whole on every run, is an error rather than a setting silently ignored.
 */
export function reconcileOverrides(env: NodeJS.ProcessEnv, connectors: readonly ConnectorDefinition[]): Record<string, ReconcileOverride> {
  const streams = new Map(selectStreams(connectors).map((s) => [streamVariable(RECONCILE_VARIABLE, s), s]));
  const overrides: Record<string, ReconcileOverride> = {};
  for (const [variable, raw] of Object.entries(env)) {
    if (!variable.startsWith(`${RECONCILE_VARIABLE}_`) || raw === undefined || raw.trim() === '') continue;
    const selected = streams.get(variable);
    if (!selected) throw new ConfigError(`${variable} names no stream; the streams' variables are ${[...streams.keys()].join(', ')}`);
    const override = parseReconcileOverride(variable, raw);
    const whole = readsWholeEveryRun(selected.stream);
    if (whole && override.schedule !== null) {
      throw new ConfigError(`${variable}: ${fullName(selected)} is ${whole}, so there is nothing to reconcile; remove ${variable}`);
    }
    overrides[fullName(selected)] = override;
  }
  return overrides;
}

export function parseReconcileOverride(variable: string, raw: string): ReconcileOverride {
  const text = raw.trim();
  if (/^off$/i.test(text)) return { schedule: null };
  const words = text.split(/\s+/);
  const windows = words.filter((w) => /^window=/i.test(w));
  const expression = words.filter((w) => !/^window=/i.test(w)).join(' ');
  const example = `write e.g. ${variable}="0 3 * * 0", ${variable}="0 3 * * * window=30d" or ${variable}=off`;
  if (windows.length > 1) throw new ConfigError(`${variable}="${raw}" gives ${windows.length} windows; give one, ${example}`);
  const override: ReconcileOverride = {};
  if (expression) {
    if (!cron.validate(expression)) throw new ConfigError(`${variable}="${raw}": "${expression}" is not a cron expression; ${example}`);
    override.schedule = expression;
  }
  if (windows.length === 1) override.windowDays = parseWindow(variable, windows[0].slice('window='.length));
  return override;
}

function parseWindow(variable: string, text: string): number | null {
  if (/^full$/i.test(text)) return null;
  const days = /^(\d+)d$/i.exec(text);
  if (!days || Number(days[1]) < 1) {
    throw new ConfigError(`${variable}: window "${text}" is not a number of days; write window=30d for the last 30 days, or window=full for everything`);
  }
  return Number(days[1]);
}
