import { createMigratedDatabase, unreachableReason, type ScratchDatabase } from './postgres';

/** Progress goes to stderr, so stdout carries only the report. */
export const progress = (message: string) => process.stderr.write(`${message}\n`);

type Undo = (interrupted: boolean) => Promise<void>;

/**
 * What a run has made and must undo however it ends (done, failed or Ctrl-C): scratch databases,
 * server processes. Undone newest first, one at a time, so servers stop before their database drops.
 */
export class Leftovers {
  private readonly undos: Undo[] = [];

  /** Registers `undo`; the function returned runs it now (once) and forgets it. */
  track(undo: Undo): () => Promise<void> {
    this.undos.push(undo);
    return () => this.run(undo, false);
  }

  async clear(interrupted: boolean): Promise<void> {
    for (const undo of [...this.undos].reverse()) await this.run(undo, interrupted);
  }

  private async run(undo: Undo, interrupted: boolean): Promise<void> {
    const at = this.undos.indexOf(undo);
    if (at < 0) return;
    this.undos.splice(at, 1);
    await undo(interrupted).catch((error: unknown) => progress(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/**
 * Runs a benchmark's body against the PostgreSQL server at `adminUrl`: says so and exits 1 when the
 * server does not answer, and leaves nothing behind when the body ends, fails (exit 1) or is
 * interrupted (exit 130).
 */
export async function runBenchmark(name: string, adminUrl: string, body: (leftovers: Leftovers) => Promise<void>): Promise<void> {
  const unreachable = await unreachableReason(adminUrl);
  if (unreachable) {
    process.stderr.write(`${unreachable}\n`);
    process.exit(1);
  }
  const leftovers = new Leftovers();
  process.once('SIGINT', () => void leftovers.clear(true).finally(() => process.exit(130)));
  try {
    await body(leftovers);
    await leftovers.clear(false);
  } catch (error) {
    await leftovers.clear(true);
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** A fresh migrated database for `work`, dropped when it ends, or by `leftovers` if the run is cut short. */
export async function withScratchDatabase<T>(adminUrl: string, leftovers: Leftovers, work: (db: ScratchDatabase) => Promise<T>): Promise<T> {
  const db = await createMigratedDatabase(adminUrl);
  const drop = leftovers.track(() => db.drop());
  try {
    return await work(db);
  } finally {
    await drop();
  }
}
