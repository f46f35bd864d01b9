import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths';

/**
 * Starts a benchmark script (a path under bench/) in a Node process of its own, through
 * bin/run-ts.js, from the repository root: measured work then has its own heap, its own event loop
 * and its own peak RSS, shared with neither the load generator nor the feed server.
 */
export function spawnBenchScript(script: string, args: string[], options: { stdio: StdioOptions; env?: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), path.join(ROOT, 'bench', script), ...args], { cwd: ROOT, ...options });
}

/** Runs a benchmark script to its end and returns the JSON object it printed on its last stdout line. */
export function runForJsonLine<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawnBenchScript(script, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${script} exited with ${code}: ${(stderr || stdout).trim().slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as T);
    });
  });
}
