import { scheduleOverrides } from '../../src/sync/scheduler';
import { fullName, selectStreams, type SelectedStream } from '../../src/sync/selection';
import { everyConnector } from '../harness/hubParts';

/**
 * When the soaked hub's own scheduler syncs: every stream once per round, a round every
 * `everyMinutes`, the streams a few seconds apart within it (a real hub's streams have schedules of
 * their own and seldom fire together), the first round one period after the plan is made.
 */
export interface SyncPlan {
  everyMinutes: number;
  /** Seconds between one stream's fire and the next's within a round. */
  staggerSeconds: number;
  streams: string[];
  /** HUB_CRON_<CONNECTOR>_<STREAM> for every stream, for the hub's environment. */
  env: Record<string, string>;
  /** When round k (1, 2, …) starts: its first stream's fire. */
  roundStart(k: number): Date;
}

/** Gap between two streams' fires within a round, at most. */
const MAX_STAGGER_SECONDS = 5;
/** The plan's anchor lies this far back, so that no fire is due the moment the hub's scheduler starts. */
const ANCHOR_LEAD_MS = 2000;

/** The plan for a hub started now: its streams' cron expressions and when the rounds fall. */
export function planSyncs(everyMinutes: number, now = new Date()): SyncPlan {
  const selected = selectStreams(everyConnector());
  const periodMs = everyMinutes * 60_000;
  // A round takes at most half the period, so the next edition is published between two rounds.
  const staggerSeconds = Math.max(1, Math.floor(Math.min(MAX_STAGGER_SECONDS, periodMs / 1000 / (2 * selected.length))));
  const anchor = Math.floor(now.getTime() / 1000) * 1000 - ANCHOR_LEAD_MS;
  const roundLengthMs = (selected.length - 1) * staggerSeconds * 1000;
  const env: Record<string, string> = {};
  selected.forEach((s, i) => {
    // Stream i fires (n − 1 − i) staggers before the anchor, and whole periods after that: every
    // such phase is already past when the hub starts, so its first fire is one period on.
    const phase = new Date(anchor - roundLengthMs + i * staggerSeconds * 1000);
    env[cronVariable(s)] = cronEvery(everyMinutes, phase);
  });
  assertTheHubReads(env, selected);
  return {
    everyMinutes,
    staggerSeconds,
    streams: selected.map(fullName),
    env,
    roundStart: (k) => new Date(anchor - roundLengthMs + k * periodMs),
  };
}

/** The variable `hub serve` reads a stream's schedule from (see scheduleOverrides in src/sync/scheduler.ts). */
function cronVariable(s: SelectedStream): string {
  return `HUB_CRON_${s.connector.name}_${s.stream.name}`.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * A cron expression with seconds, as node-cron reads them, that fires at `phase` and every
 * `minutes` after it. Minutes and seconds read the same in UTC and in the scheduler's
 * Asia/Shanghai (UTC+8 all year); the step repeats evenly across hours because it divides 60.
 */
function cronEvery(minutes: number, phase: Date): string {
  return `${phase.getUTCSeconds()} ${phase.getUTCMinutes() % minutes}-59/${minutes} * * * *`;
}

/** Fails loudly if the hub would not read these variables: a soak with no sync would look fine. */
function assertTheHubReads(env: Record<string, string>, selected: SelectedStream[]): void {
  const read = scheduleOverrides(env, everyConnector());
  const missed = selected.map(fullName).filter((name) => !read[name]);
  if (missed.length) throw new Error(`the hub does not read a schedule for ${missed.join(', ')} from ${Object.keys(env).join(', ')}`);
}
