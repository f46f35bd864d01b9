import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A relay in front of a feed server that can hold a stream's requests: from the n-th request to a
 * path on, requests wait until the test opens the gate. A test then knows where a sync stands (the
 * request arrived: the pages before it are committed) and decides when it goes on, with no sleep.
 */
export interface FeedGate {
  url: string;
  /** Resolves when the held request arrives. */
  reached: Promise<void>;
  open(): void;
  close(): Promise<void>;
}

export async function startFeedGate(upstream: string, hold: { path: string; fromRequest: number }): Promise<FeedGate> {
  const target = new URL(upstream);
  let seen = 0;
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));

  const server = http.createServer(async (req, res) => {
    if (new URL(req.url ?? '/', upstream).pathname === hold.path && ++seen >= hold.fromRequest) {
      arrived();
      await opened;
    }
    const relayed = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    relayed.on('error', () => res.destroy());
    req.pipe(relayed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reached,
    open: () => release(),
    close: () =>
      new Promise((resolve) => {
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
