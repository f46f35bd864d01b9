import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

export const HUB_BIN = path.resolve(__dirname, '../../bin/hub.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the real `hub` command in a child process, as a user would. */
export function spawnHub(args: string[], env: Record<string, string | undefined> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [HUB_BIN, ...args], {
    env: { ...process.env, HUB_SCHEDULE: 'off', LOG_LEVEL: 'warn', HUB_SAMPLE_SCALE: '200', DATABASE_URL: undefined, HUB_FEEDS_URL: undefined, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs `hub` to completion and collects its exit code and output. */
export function runHub(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnHub(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
