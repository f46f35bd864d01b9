import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Leftovers } from '../harness/lifecycle';
import { ROOT } from '../harness/paths';

/** The sample feed server the soaked hub syncs from, as a source it reaches over HTTP. */
export interface FeedProcess {
  url: string;
  pid: number;
  /** Publishes another edition of the data: a later edition corrects some records, as sources do. */
  setEdition(edition: number): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * `hub feeds serve` in a process of its own, for `work`, with the records fillDatabase synced
 * (same seed, scale, no malformed records): its page generation then shares a CPU with neither the
 * hub, whose RSS is measured, nor autocannon, whose clock times the requests. Stopped when `work`
 * ends, or by `leftovers` if the run is cut short.
 */
export async function withFeedProcess<T>(leftovers: Leftovers, scale: number, work: (feeds: FeedProcess) => Promise<T>): Promise<T> {
  const args = ['feeds', 'serve', '--host', '127.0.0.1', '--port', '0', '--scale', String(scale), '--malformed-rate', '0'];
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/hub.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = leftovers.track(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  });
  try {
    const url = await announcedUrl(child.stderr!, exited);
    return await work({ url, pid: child.pid!, setEdition: (edition) => control(url, { edition }) });
  } finally {
    await stop();
  }
}

/** The URL the server prints once it listens ("sample feeds at http://…"). */
function announcedUrl(stderr: NodeJS.ReadableStream, exited: Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`hub feeds serve did not start within ${START_TIMEOUT_MS / 1000} s: ${text.trim()}`)), START_TIMEOUT_MS);
    stderr.on('data', (chunk: Buffer) => {
      text = (text + chunk).slice(-4000);
      const url = /sample feeds at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`hub feeds serve exited before it listened: ${text.trim()}`));
    });
  });
}

async function control(url: string, body: { edition: number }): Promise<void> {
  const response = await fetch(`${url}/_control`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`the feed server refused ${JSON.stringify(body)}: HTTP ${response.status}`);
}
