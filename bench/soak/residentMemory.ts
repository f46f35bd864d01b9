import fs from 'node:fs';

/**
 * A process's resident set (VmRSS), KiB, read from /proc by the kernel's count: it needs nothing
 * from the process, so a server whose event loop is busy is sampled on time. Undefined where
 * there is no /proc (not Linux) or the process is gone.
 */
export function residentKiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib);
  } catch {
    return undefined;
  }
}
