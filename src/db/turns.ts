/**
 * The embedded PostgreSQL is a single backend session. Everything that runs on it shares that
 * session's state: its open transaction, its unnamed prepared statement, a half-sent extended
 * query. When `hub serve` lets hub commands reach it over a socket, the server and each command
 * must therefore take turns: a turn lasts until its holder has finished what it started (one
 * statement, or a transaction from BEGIN to COMMIT), and turns are handed out first come, first
 * served, so nobody waits forever behind a stream of others.
 */
export type EndTurn = () => void;

export class Turns {
  private last: Promise<void> = Promise.resolve();

  /** Resolves when the session is ours; call the returned function to hand it on. */
  take(): Promise<EndTurn> {
    let end!: EndTurn;
    const ended = new Promise<void>((resolve) => (end = once(resolve)));
    const ours = this.last.then(() => end);
    this.last = this.last.then(() => ended);
    return ours;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) fn();
    done = true;
  };
}
