/**
 * One contender for an embedded data directory's lock, run in its own process by
 * test/integration/dataDirLock.test.ts. It says "ready", tries the lock when told "go" (so all
 * contenders try at once), reports what it got as one JSON line, and holds a lock it won until
 * told "release", so the others decide while it still holds it.
 */
import readline from 'node:readline';
import { acquireDataDirLock } from '../../src/db/dataDirLock';

const dataDir = process.argv[2];
const lines = readline.createInterface({ input: process.stdin });
const said = (word: string) => new Promise<void>((resolve) => lines.on('line', (line) => line === word && resolve()));

async function main(): Promise<void> {
  const go = said('go');
  const release = said('release');
  process.stdout.write('ready\n');
  await go;
  try {
    const lock = await acquireDataDirLock(dataDir);
    process.stdout.write(`${JSON.stringify({ pid: process.pid, acquired: true })}\n`);
    await release;
    lock.release();
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ pid: process.pid, acquired: false, owner: (error as { owner?: number }).owner, message: (error as Error).message })}\n`);
  }
  lines.close();
}

void main();
