import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { HUB_COMPONENTS } from '../../app/components';
import { withManifests } from '../../src/manifest/withManifests';
import { runHub, spawnHub, type CliResult } from '../helpers/cli';
import { graphql } from '../helpers/graphql';
import { HUB_START_TIMEOUT_MS } from '../helpers/hub';

const TOKEN = 'cli-beside-server';
const ADMIN = { authorization: `Bearer ${TOKEN}` };
// Every stream the hub runs: the coded connectors' and the built-in manifests'.
const STREAMS = withManifests(HUB_COMPONENTS).connectors.flatMap((c) => c.streams.map((s) => `${c.name}/${s.name}`));
const COMMAND_TIMEOUT_MS = 300000;

/** Polls until `check` returns a value, or fails with what it was waiting for after `ms`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = HUB_START_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${ms / 1000} s`);
    await sleep(200);
  }
}

function succeeded(result: CliResult, command: string): void {
  if (result.code !== 0 || result.stderr !== '') throw new Error(`${command} exited ${result.code}: ${result.stderr}`);
}

/**
 * The data team's case: `npm start` (hub serve on the embedded database) runs, and the hub
 * commands work beside it, through the socket the server shares, with the same output as they
 * would have against PostgreSQL.
 */
describe('hub commands beside a running hub serve on the embedded database', () => {
  let dataDir: string;
  let server: ChildProcessWithoutNullStreams;
  let serverOutput = '';
  let exited: Promise<number | null>;
  let url: string;
  const env = () => ({ HUB_DATA_DIR: dataDir, HUB_SAMPLE_SCALE: '40' });

  async function admin(query: string, variables?: object): Promise<any> {
    const { status, body } = await graphql(url, query, variables, ADMIN);
    if (status !== 200 || body.errors) throw new Error(`admin query failed (${status}): ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-beside-'));
    // Sample feeds started by the server itself (HUB_FEEDS_URL unset), as `npm start` does.
    server = spawnHub(['serve'], { ...env(), PORT: '0', HOST: '127.0.0.1', HUB_ADMIN_TOKEN: TOKEN, HUB_RESPONSE_CACHE: 'off' });
    server.stdout.on('data', (d) => (serverOutput += d));
    server.stderr.on('data', (d) => (serverOutput += d));
    exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    url = await waitFor('hub serve to listen', () => {
      if (server.exitCode !== null) throw new Error(`hub serve exited ${server.exitCode}: ${serverOutput}`);
      return /GraphQL at (http:\/\/\S+)\/graphql/.exec(serverOutput)?.[1];
    });
    await waitFor('/healthz', async () => ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok ? true : undefined));
    await waitFor('the start-up sync of every stream', async () => {
      const { syncRuns } = await admin(`{ syncRuns(first: 100) { stream trigger status } }`);
      const finished = new Set(syncRuns.filter((r: any) => r.trigger === 'startup' && r.status !== 'running').map((r: any) => r.stream));
      return STREAMS.every((s) => finished.has(s)) ? true : undefined;
    });
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    if (server?.exitCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the server records where it shares the database: a Unix socket in the data directory', () => {
    const address = JSON.parse(fs.readFileSync(path.join(dataDir, 'hub.socket.json'), 'utf8'));
    expect(address).toEqual({ pid: server.pid, endpoint: { socketDir: dataDir, port: 5432 } });
    expect(fs.statSync(path.join(dataDir, '.s.PGSQL.5432')).isSocket()).toBe(true);
  });

  let sync: { connector: string; stream: string; status: string; fetched: number; quarantined: number };

  test('status, quarantine list and a sync run beside it at once, while it keeps answering GraphQL', async () => {
    const answers: Array<{ at: number; ok: boolean }> = [];
    let commandsDone = false;
    const load = (async () => {
      for (let i = 0; !commandsDone; i++) {
        // Different arguments each time, so every answer comes from the database.
        const { status, body } = await graphql(url, `{ disclosures(first: ${1 + (i % 20)}) { totalCount } }`);
        answers.push({ at: Date.now(), ok: status === 200 && !body.errors && body.data.disclosures.totalCount > 0 });
      }
    })();
    // The sync reads its own sample feeds, larger and whole, so that it lasts a while beside the
    // server (the feeds end at the moment they are served, where the server's cursor already is).
    const [status, quarantine, synced] = await Promise.all([
      runHub(['status', '--json'], env(), COMMAND_TIMEOUT_MS),
      runHub(['quarantine', 'list', '--json', '--limit', '1000'], env(), COMMAND_TIMEOUT_MS),
      runHub(['sync', 'environment/air-hourly', '--full', '--json'], { ...env(), HUB_SAMPLE_SCALE: '1500' }, COMMAND_TIMEOUT_MS),
    ]).finally(() => (commandsDone = true));
    await load;

    succeeded(status, 'hub status');
    succeeded(quarantine, 'hub quarantine list');
    succeeded(synced, 'hub sync');
    expect(JSON.parse(status.stdout).map((s: any) => s.stream)).toEqual(STREAMS);
    expect(JSON.parse(quarantine.stdout).length).toBeGreaterThan(0);
    sync = JSON.parse(synced.stdout);
    expect(sync).toMatchObject({ connector: 'environment', stream: 'air-hourly', fetched: 1500 });

    expect(answers.filter((a) => !a.ok)).toEqual([]);
    // Answered during the command's sync run itself, not only before or after it.
    const { syncRuns } = await admin(`{ syncRuns(stream: "environment/air-hourly", first: 1) { trigger startedAt finishedAt } }`);
    const [run] = syncRuns;
    expect(run.trigger).toBe('manual');
    const during = answers.filter((a) => a.at >= Date.parse(run.startedAt) && a.at <= Date.parse(run.finishedAt));
    expect(during.length).toBeGreaterThan(0);
  }, COMMAND_TIMEOUT_MS + 60000);

  test('what they print agrees with what the server serves', async () => {
    const [statusRun, quarantineRun] = await Promise.all([
      runHub(['status', '--json'], env(), COMMAND_TIMEOUT_MS),
      runHub(['quarantine', 'list', '--json', '--limit', '1000'], env(), COMMAND_TIMEOUT_MS),
    ]);
    succeeded(statusRun, 'hub status');
    succeeded(quarantineRun, 'hub quarantine list');
    const statuses = JSON.parse(statusRun.stdout);
    const entries = JSON.parse(quarantineRun.stdout);

    // The command's sync is the stream's last run, as the admin API reports it.
    const { syncRuns } = await admin(`{ syncRuns(stream: "environment/air-hourly", first: 1) { id status fetched inserted updated unchanged quarantined removed held } }`);
    const air = statuses.find((s: any) => s.stream === 'environment/air-hourly');
    expect(air.lastRun).toMatchObject({ ...syncRuns[0], id: Number(syncRuns[0].id) });
    const { connector: _c, stream: _s, durationMs: _d, ...counts } = sync as any;
    expect(syncRuns[0]).toMatchObject(counts);

    // Open quarantine: the same entries, stream by stream, as the admin API's.
    const served: string[] = [];
    for (const s of statuses) {
      const { quarantine } = await admin(`query($s: String) { quarantine(stream: $s, first: 100) { id } }`, { s: s.stream });
      expect(s.quarantineOpen).toBe(quarantine.length);
      served.push(...quarantine.map((q: any) => String(q.id)));
    }
    expect(entries.map((e: any) => String(e.id)).sort()).toEqual(served.sort());

    // The stored air-quality reports, as the public API counts them.
    const { body } = await graphql(url, `{ disclosures(first: 1, filter: { kind: "air-quality-hourly" }) { totalCount } }`);
    expect(air.disclosures).toBe(body.data.disclosures.totalCount);
  }, 2 * COMMAND_TIMEOUT_MS);

  test('a second hub serve on the same directory is still refused, naming the first', async () => {
    const second = await runHub(['serve'], { ...env(), PORT: '0', HOST: '127.0.0.1' }, COMMAND_TIMEOUT_MS);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`in use by process ${server.pid}`));
  }, COMMAND_TIMEOUT_MS);

  test('once the server stops, its address is gone and hub status opens the database directly again', async () => {
    const before = await runHub(['status', '--json'], env(), COMMAND_TIMEOUT_MS);
    succeeded(before, 'hub status');
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const left of ['hub.socket.json', '.s.PGSQL.5432', 'hub.lock']) expect(fs.existsSync(path.join(dataDir, left))).toBe(false);

    const after = await runHub(['status', '--json'], env(), COMMAND_TIMEOUT_MS);
    succeeded(after, 'hub status');
    const lastRuns = (out: string) => JSON.parse(out).map((s: any) => [s.stream, s.cursor, s.lastRun?.id, s.quarantineOpen, s.disclosures]);
    expect(lastRuns(after.stdout)).toEqual(lastRuns(before.stdout));
  }, 2 * COMMAND_TIMEOUT_MS);
});
