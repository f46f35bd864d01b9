import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { cpuTicksOf, MachineCpuProbe } from '../../bench/soak/machineCpu';
import { ProcessCpu } from '../../bench/soak/processCpu';

/** A node process running `code` after it says it is up, so its start-up is not read as its work. */
async function started(code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `process.stdout.write('up\\n'); ${code}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  await once(child.stdout!, 'data');
  return child;
}

// The soak's series says how much CPU PostgreSQL, the feed server and the load took beside the hub.
const onLinux = process.platform === 'linux' ? describe : describe.skip;
const testOnLinux = process.platform === 'linux' ? test : test.skip;

onLinux('the CPU of the processes beside the hub', () => {
  test('a process that spins reads as most of a core under its part; an idle one as next to none', async () => {
    const spinner = await started('const end = Date.now() + 30_000; while (Date.now() < end);');
    const sleeper = await started('setTimeout(() => {}, 30_000);');
    try {
      const cpu = new ProcessCpu({ feedsPid: spinner.pid!, loadPid: sleeper.pid! });
      expect(cpu.read()).toBeNull(); // the starting point
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const shares = cpu.read()!;
      // A whole core when one is free; tests running beside this one may take most of it.
      expect(shares.feeds).toBeGreaterThan(0.05);
      expect(shares.feeds).toBeLessThan(1.2);
      expect(shares.load).toBeLessThanOrEqual(0.02); // a tick (10 ms) at most
      expect(shares.postgres).toBeGreaterThanOrEqual(0);
    } finally {
      spinner.kill('SIGKILL');
      sleeper.kill('SIGKILL');
    }
  });
});

describe("the machine's idle, iowait and steal", () => {
  test('are read from the cores-summed line of /proc/stat, steal absent on old kernels', () => {
    const stat = ['cpu  4705 150 1120 16250 520 30 25 80 0 0', 'cpu0 2300 75 560 8100 260 15 12 40 0 0', 'intr 1234'].join('\n');
    expect(cpuTicksOf(stat)).toEqual({ idle: 16250, iowait: 520, steal: 80 });
    expect(cpuTicksOf('cpu  10 0 5 100 2 0 0')).toEqual({ idle: 100, iowait: 2, steal: 0 });
    expect(cpuTicksOf('intr 1234')).toBeUndefined();
  });

  testOnLinux('a reading after the first gives shares of one core no larger than the machine has', async () => {
    const probe = new MachineCpuProbe();
    expect(probe.read()).toBeNull(); // the starting point
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const shares = probe.read()!;
    for (const share of Object.values(shares)) expect(share).toBeGreaterThanOrEqual(0);
    // A tick's rounding either side of the interval at most.
    expect(shares.idle + shares.iowait + shares.steal).toBeLessThanOrEqual(os.cpus().length + 0.1);
  });
});
