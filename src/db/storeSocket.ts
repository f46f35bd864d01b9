import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SocketConversations } from './socketConversations';
import { describeEndpoint, removeStoreAddress, writeStoreAddress, type StoreEndpoint } from './storeAddress';
import type { Turns } from './turns';

export interface SharedStore {
  endpoint: StoreEndpoint;
  /** Where, for messages. */
  where: string;
  /** Stops taking connections, removes the address, ends the connections (rolling back what they left open). */
  stop(): Promise<void>;
}

/** PostgreSQL clients look for `.s.PGSQL.<port>` in the socket directory; any port number names it. */
const SOCKET_PORT = 5432;
/** sun_path holds 108 bytes on Linux and 104 on macOS, the terminating zero included. */
const MAX_SOCKET_PATH = 103;

/**
 * Lets hub commands reach the embedded database of a running `hub serve` through a local socket,
 * with the ordinary PostgreSQL client. It listens on a Unix socket in the data directory, which
 * only the directory's owner can reach, or, where there is none (Windows, a path too long, a file
 * system without sockets), on TCP at 127.0.0.1: never on another interface. Each connection's
 * wire protocol is pglite-socket's PGLiteSocketHandler; SocketConversations runs the messages on
 * PGlite in turn with the server's own queries.
 */
export async function shareStore(pglite: PGlite, turns: Turns, dataDir: string): Promise<SharedStore> {
  const conversations = new SocketConversations(pglite, turns);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => void serve(socket));

  async function serve(socket: net.Socket): Promise<void> {
    const handler = new PGLiteSocketHandler({
      // Typed as pglite-socket's own (unexported) queue; SocketConversations has the methods it calls.
      queryQueue: conversations as unknown as PGLiteSocketHandlerOptions['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    await handler.attach(socket).catch(() => socket.destroy());
  }

  const endpoint = await listenLocally(server, dataDir);
  writeStoreAddress(dataDir, { pid: process.pid, endpoint });
  return {
    endpoint,
    where: describeEndpoint(endpoint),
    stop: async () => {
      removeStoreAddress(dataDir);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      await closed;
    },
  };
}

async function listenLocally(server: net.Server, dataDir: string): Promise<StoreEndpoint> {
  const socketPath = path.join(dataDir, `.s.PGSQL.${SOCKET_PORT}`);
  if (process.platform !== 'win32' && Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH) {
    // We hold the data directory's lock, so a socket file there is a dead server's.
    fs.rmSync(socketPath, { force: true });
    try {
      await listen(server, { path: socketPath });
      fs.chmodSync(socketPath, 0o600);
      return { socketDir: dataDir, port: SOCKET_PORT };
    } catch {
      // No Unix socket here (e.g. a mounted Windows drive): loopback TCP serves as well.
    }
  }
  await listen(server, { host: '127.0.0.1', port: 0 });
  return { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port };
}

function listen(server: net.Server, options: net.ListenOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(options, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
