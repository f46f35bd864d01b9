import { spawn } from 'node:child_process';
import path from 'node:path';

export const HUB_BIN = path.resolve(__dirname, '../../bin/hub.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `hub` command in a child process, as a user would. */
export function runHub(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB_BIN, ...args], {
      env: { ...process.env, HUB_SCHEDULE: 'off', LOG_LEVEL: 'warn', DATABASE_URL: undefined, HUB_FEEDS_URL: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
