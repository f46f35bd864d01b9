import { performance } from 'node:perf_hooks';
import { round } from '../harness/results';
import type { ServerProcess } from '../api/serverProcess';
import { DatabaseActivityProbe, type DatabaseActivity } from './databaseActivity';
import { MachineCpuProbe, type MachineCpu } from './machineCpu';
import { ProcessCpu, type CpuRoles, type OthersCpu } from './processCpu';
import type { ErrorCounts, KindFigures, LoadTally } from './loadTally';
import type { QueryKind } from './queryKinds';
import { residentKiB } from './residentMemory';
import { syncRunsOverlapping } from './syncRuns';

/** One point of the soak's time series: the interval that ended `seconds` into the soak. */
export interface Sample {
  seconds: number;
  at: string;
  /** The hub process's resident set at the interval's end; null if it could not be read. */
  rssKiB: number | null;
  /**
   * The hub's old generation after its latest full collection, KiB (LiveHeap): flat while nothing
   * leaks, however much RSS swings. Null before the first full collection or if it did not answer.
   */
  liveHeapKiB: number | null;
  /** The hub's full collections so far; null if it did not answer. */
  fullCollections: number | null;
  /** Length of the interval: the sample length, except the last one's, the remainder at stop. */
  intervalSeconds: number;
  responses: number;
  reqPerSec: number;
  errors: ErrorCounts;
  /** Of the interval's responses; null when there were none. */
  latencyMs: { p50: number | null; p99: number | null };
  /** The interval's responses and latencies of each kind of query. */
  byKind: Record<QueryKind, KindFigures>;
  /** Sync runs (any stream) that overlapped the interval: above 0, a sync was running. */
  syncRuns: number;
  /** Share of one core the hub process used in the interval; null if it did not answer. */
  serverCpuShare: number | null;
  /** CPU of the processes beside the hub (PostgreSQL, the feed server, the load); null where unread. */
  othersCpu: OthersCpu | null;
  /** The machine's idle, iowait and steal (shares of one core); null where /proc/stat is missing. */
  machineCpu: MachineCpu | null;
  /** What PostgreSQL was doing (autovacuum, checkpoints, lock waits); null if it could not be read. */
  database: DatabaseActivity | null;
}

export interface SamplerSources {
  server: ServerProcess;
  databaseUrl: string;
  tally: LoadTally;
  /** Which processes beside the hub to read the CPU of. */
  cpuRoles: CpuRoles;
  everySeconds: number;
  onSample(sample: Sample): void;
}

/**
 * Takes a sample every `everySeconds` from start to stop, on a fixed grid (a slow sample delays the
 * next one, never shifts the grid), and a last one for the remainder at stop, so the samples add up
 * to the whole run.
 */
export class Sampler {
  private readonly samples: Sample[] = [];
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private failure?: unknown;
  private origin = 0;
  private previous = { mark: 0, at: new Date(), cpuMicros: 0 };
  private readonly database: DatabaseActivityProbe;
  private readonly othersCpu: ProcessCpu;
  private readonly machineCpu = new MachineCpuProbe();

  constructor(private readonly sources: SamplerSources) {
    this.database = new DatabaseActivityProbe(sources.databaseUrl);
    this.othersCpu = new ProcessCpu(sources.cpuRoles);
  }

  async start(): Promise<void> {
    const stats = await this.sources.server.stats();
    this.origin = performance.now();
    this.previous = { mark: this.origin, at: new Date(), cpuMicros: stats.cpuMicros };
    await this.database.read(); // the checkpoint counter's starting point
    this.othersCpu.read(); // and the CPU times'
    this.machineCpu.read();
    // Caught here and rethrown by stop: a rejection nobody awaits yet would end the process.
    this.loop = this.run().catch((error: unknown) => void (this.failure = error));
  }

  async stop(): Promise<Sample[]> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (this.failure) throw this.failure;
    this.record(await this.sample());
    return this.samples;
  }

  private async run(): Promise<void> {
    for (let k = 1; ; k++) {
      await this.sleepUntil(this.origin + k * this.sources.everySeconds * 1000);
      if (this.stopped) return;
      this.record(await this.sample());
    }
  }

  private sleepUntil(mark: number): Promise<void> {
    return new Promise((resolve) => {
      // stop() may have come while a sample was being taken, when there was no sleep to cut short.
      if (this.stopped) return resolve();
      const timer = setTimeout(resolve, Math.max(0, mark - performance.now()));
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async sample(): Promise<Sample> {
    const mark = performance.now();
    const at = new Date();
    const interval = this.sources.tally.take();
    const rssKiB = residentKiB(this.sources.server.pid);
    const othersCpu = this.othersCpu.read();
    const machineCpu = this.machineCpu.read();
    const [stats, syncRuns, database] = await Promise.all([
      this.sources.server.stats().catch(() => undefined),
      syncRunsOverlapping(this.sources.databaseUrl, this.previous.at, at),
      this.database.read().catch(() => null),
    ]);
    const seconds = (mark - this.previous.mark) / 1000;
    const sample: Sample = {
      seconds: round((mark - this.origin) / 1000, 1),
      at: at.toISOString(),
      rssKiB: rssKiB ?? stats?.rssKiB ?? null,
      liveHeapKiB: stats?.liveHeapKiB ?? null,
      fullCollections: stats?.fullCollections ?? null,
      intervalSeconds: round(seconds, 2),
      responses: interval.responses,
      reqPerSec: round(interval.responses / seconds, 1),
      errors: interval.errors,
      latencyMs: interval.latencyMs,
      byKind: interval.byKind,
      syncRuns,
      serverCpuShare: stats ? round((stats.cpuMicros - this.previous.cpuMicros) / 1e6 / seconds, 3) : null,
      othersCpu,
      machineCpu,
      database,
    };
    this.previous = { mark, at, cpuMicros: stats?.cpuMicros ?? this.previous.cpuMicros };
    return sample;
  }

  private record(sample: Sample): void {
    this.samples.push(sample);
    this.sources.onSample(sample);
  }
}
