import fs from 'node:fs';
import { round } from '../harness/results';

/**
 * CPU used by the soak's other processes, beside the hub's own figure: with two cores shared by
 * the hub, PostgreSQL, the feed server and the load generator, an interval where the hub is slow
 * and idle says whose turn the cores were taken by.
 */
export interface OthersCpu {
  /** Shares of one core over the interval (1 = a whole core). */
  postgres: number;
  feeds: number;
  /** The benchmark process: autocannon and the sampler. */
  load: number;
}

/** Which process plays which part: PostgreSQL's by name (its backends come and go), the others by pid. */
export interface CpuRoles {
  feedsPid: number;
  loadPid: number;
}

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture Node runs on. */
export const TICKS_PER_SECOND = 100;

/**
 * Reads /proc at each sample and gives each part's CPU since the previous reading. A PostgreSQL
 * backend that started within the interval counts from zero; one that ended loses its last
 * interval (the hub's pool keeps its connections, so that is rare). Null where /proc is missing.
 */
export class ProcessCpu {
  /** The latest reading: when, and each process's ticks then. */
  private previous?: { at: number; ticks: Map<number, number> };

  constructor(private readonly roles: CpuRoles) {}

  /** Each part's share since the previous reading; null at the first (the starting point) or without /proc. */
  read(): OthersCpu | null {
    const at = Date.now();
    const ticks = processTicks();
    if (!ticks) return null;
    const previous = this.previous;
    this.previous = { at, ticks: new Map([...ticks].map(([pid, { total }]) => [pid, total])) };
    if (!previous) return null;
    const used = { postgres: 0, feeds: 0, load: 0 };
    for (const [pid, { name, total }] of ticks) {
      const part = this.partOf(pid, name);
      if (part) used[part] += total - (previous.ticks.get(pid) ?? 0);
    }
    const seconds = (at - previous.at) / 1000;
    const share = (t: number) => round(t / TICKS_PER_SECOND / seconds, 3);
    return { postgres: share(used.postgres), feeds: share(used.feeds), load: share(used.load) };
  }

  private partOf(pid: number, name: string): keyof OthersCpu | undefined {
    if (pid === this.roles.feedsPid) return 'feeds';
    if (pid === this.roles.loadPid) return 'load';
    return name === 'postgres' ? 'postgres' : undefined;
  }
}

/** Every process's name and user + system ticks; undefined where there is no /proc. */
function processTicks(): Map<number, { name: string; total: number }> | undefined {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  const ticks = new Map<number, { name: string; total: number }>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) ticks.set(Number(pid), stat);
  }
  return ticks;
}

/** From /proc/<pid>/stat: "pid (name) state …" with utime and stime the 14th and 15th fields. */
function readStat(pid: string): { name: string; total: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // ended since the listing
  }
  // The name may hold blanks and parentheses: the fields after it start past the last ')'.
  const close = text.lastIndexOf(')');
  const name = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' '); // fields[0] is the 3rd field, state
  return { name, total: Number(fields[11]) + Number(fields[12]) };
}
