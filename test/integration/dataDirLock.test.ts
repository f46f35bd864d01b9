import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { acquireDataDirLock } from '../../src/db/dataDirLock';

const CONTENDER = path.resolve(__dirname, '../helpers/lockContender.ts');
const CONTENDERS = 4;
const ROUNDS = 4;

interface Outcome {
  pid: number;
  acquired: boolean;
  owner?: number;
  message?: string;
}

/** The pid of a process that has exited: what a crashed `hub serve` leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

class Contender {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterableIterator<string>;

  constructor(dataDir: string) {
    this.child = spawn(process.execPath, ['--require', 'tsx/cjs', CONTENDER, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.lines = readline.createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async next(): Promise<string> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`contender ${this.child.pid} ended without answering`);
    return value;
  }

  say(word: string): void {
    this.child.stdin.write(`${word}\n`);
  }

  ended(): Promise<unknown> {
    return this.child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => this.child.once('close', resolve));
  }
}

/** Starts the contenders, lets them all try at once, and returns what each one got. */
async function race(dataDir: string): Promise<Outcome[]> {
  const contenders = Array.from({ length: CONTENDERS }, () => new Contender(dataDir));
  try {
    for (const c of contenders) expect(await c.next()).toBe('ready');
    for (const c of contenders) c.say('go');
    const outcomes = await Promise.all(contenders.map(async (c) => JSON.parse(await c.next()) as Outcome));
    // Only the winner waits to be told; a loser ends once it has answered, and writing to its
    // closed stdin would fail with EPIPE.
    contenders.forEach((c, i) => outcomes[i].acquired && c.say('release'));
    await Promise.all(contenders.map((c) => c.ended()));
    return outcomes;
  } finally {
    for (const c of contenders) c.child.kill();
  }
}

describe('the embedded data directory lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-lock-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('of processes that all find a dead owner’s lock at once, exactly one takes it over', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      fs.writeFileSync(path.join(dataDir, 'hub.lock'), String(deadPid()));
      const outcomes = await race(dataDir);
      const winners = outcomes.filter((o) => o.acquired);
      expect(winners).toHaveLength(1);
      // The others were refused because the winner held it, and said so.
      for (const loser of outcomes.filter((o) => !o.acquired)) {
        expect(loser.owner).toBe(winners[0].pid);
        expect(loser.message).toMatch(new RegExp(`in use by process ${winners[0].pid}`));
      }
      // Released by the winner, and nothing of the takeover left behind.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    }
  }, 120000);

  test('a lock held by a live process is refused, naming it and the ways out; a released one is free again', async () => {
    const lock = await acquireDataDirLock(dataDir);
    const refused = await tryInChild(dataDir);
    expect(refused).toMatchObject({ acquired: false, owner: process.pid });
    expect(refused.message).toMatch(new RegExp(`${escape(dataDir)} is in use by process ${process.pid}`));
    expect(refused.message).toMatch(/HUB_DATA_DIR/);
    expect(refused.message).toMatch(/DATABASE_URL/);
    lock.release();
    expect(await tryInChild(dataDir)).toMatchObject({ acquired: true });
  }, 60000);

  test('a takeover left unfinished by a process that died neither blocks the lock nor stays behind', async () => {
    const lockPath = path.join(dataDir, 'hub.lock');
    fs.writeFileSync(lockPath, String(deadPid()));
    const stat = fs.statSync(lockPath);
    const owner = fs.readFileSync(lockPath, 'utf8');
    // The marker dataDirLock makes for this very lock file, as left by a contender that died holding it.
    fs.writeFileSync(`${lockPath}.takeover-${stat.ino}-${Math.trunc(stat.mtimeMs)}-${owner}-0`, String(deadPid()));
    fs.writeFileSync(`${lockPath}.${deadPid()}-abc.draft`, 'left by a dead process');
    const lock = await acquireDataDirLock(dataDir);
    expect(Number(fs.readFileSync(lockPath, 'utf8'))).toBe(process.pid);
    expect(fs.readdirSync(dataDir)).toEqual(['hub.lock']);
    lock.release();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

async function tryInChild(dataDir: string): Promise<Outcome> {
  const contender = new Contender(dataDir);
  try {
    expect(await contender.next()).toBe('ready');
    contender.say('go');
    const outcome = JSON.parse(await contender.next()) as Outcome;
    contender.say('release');
    await contender.ended();
    return outcome;
  } finally {
    contender.child.kill();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
