import fs from 'node:fs';
import { round } from '../harness/results';
import { TICKS_PER_SECOND } from './processCpu';

/**
 * What the machine's cores did besides running processes, over an interval, in shares of one core
 * summed over every core (2 = both cores): an interval where the hub and PostgreSQL both slow down
 * while neither uses more CPU either had cores idle with work waiting on the disk (iowait) or had
 * them taken by the hypervisor (steal, in a virtual machine), and the two call for different fixes.
 */
export interface MachineCpu {
  idle: number;
  iowait: number;
  steal: number;
}

/** The machine's times from /proc/stat, in ticks since boot, summed over its cores. */
type CpuTicks = MachineCpu;

/**
 * Reads /proc/stat at each sample and gives the machine's idle, iowait and steal since the previous
 * reading. Null at the first reading (the starting point) and where /proc/stat is missing.
 */
export class MachineCpuProbe {
  private previous?: { at: number; ticks: CpuTicks };

  read(): MachineCpu | null {
    const at = Date.now();
    const ticks = readCpuTicks();
    if (!ticks) return null;
    const previous = this.previous;
    this.previous = { at, ticks };
    if (!previous) return null;
    // The ticks are summed over the cores, so a second's worth of them is one core's second.
    const seconds = (at - previous.at) / 1000;
    const share = (field: keyof MachineCpu) => round((ticks[field] - previous.ticks[field]) / TICKS_PER_SECOND / seconds, 3);
    return { idle: share('idle'), iowait: share('iowait'), steal: share('steal') };
  }
}

function readCpuTicks(): CpuTicks | undefined {
  try {
    return cpuTicksOf(fs.readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** The "cpu" line of /proc/stat (the cores summed): user nice system idle iowait irq softirq steal …. */
export function cpuTicksOf(procStat: string): CpuTicks | undefined {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const [, , , idle, iowait, , , steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { idle, iowait, steal };
}
