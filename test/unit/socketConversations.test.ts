import type { PGlite } from '@electric-sql/pglite';
import { SocketConversations } from '../../src/db/socketConversations';
import { Turns } from '../../src/db/turns';

/** A frontend message: type byte, length, body. */
function frontend(type: string, body = ''): Uint8Array {
  const text = Buffer.from(body, 'latin1');
  const message = Buffer.alloc(5 + text.length);
  message.write(type, 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

const backend = (type: string, body = '') => Buffer.from(frontend(type, body));

/**
 * A stand-in for PGlite's wire protocol, enough to see what ran in what order: it logs each
 * message as "type:body" and answers as PostgreSQL would, ReadyForQuery after a Sync or a query.
 */
class FakeBackend {
  log: string[] = [];
  inTransaction = false;

  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async execProtocolRawStream(message: Uint8Array, { onRawData }: { onRawData: (data: Uint8Array) => void }): Promise<void> {
    onRawData(this.answer(message));
  }

  async execProtocolRaw(message: Uint8Array): Promise<Uint8Array> {
    this.log.push(`cleanup ${this.describe(message)}`);
    return this.answer(message);
  }

  isInTransaction(): boolean {
    return this.inTransaction;
  }

  private answer(message: Uint8Array): Uint8Array {
    const type = String.fromCharCode(message[0]);
    const body = Buffer.from(message.subarray(5)).toString('latin1').replace(/\0$/, '');
    if (!this.log.at(-1)?.startsWith('cleanup')) this.log.push(this.describe(message));
    const ready = () => backend('Z', this.inTransaction ? 'T' : 'I');
    if (type === 'Q') {
      if (/^BEGIN/.test(body)) this.inTransaction = true;
      if (/^(COMMIT|ROLLBACK)/.test(body)) this.inTransaction = false;
      return Buffer.concat([backend('C', `${body}\0`), ready()]);
    }
    if (type === 'S') return ready();
    return backend('1'); // ParseComplete and the like: an extended query goes on until its Sync
  }

  private describe(message: Uint8Array): string {
    return `${String.fromCharCode(message[0])}:${Buffer.from(message.subarray(5)).toString('latin1').replace(/\0$/, '')}`;
  }
}

function setUp(silentTurnMs?: number) {
  const fake = new FakeBackend();
  const turns = new Turns();
  const conversations = new SocketConversations(fake as unknown as PGlite, turns, silentTurnMs);
  const send = (client: number, type: string, body = '') => conversations.enqueue(client, frontend(type, body), () => undefined);
  const leave = (client: number) => {
    conversations.clearQueueForHandler(client);
    return conversations.clearTransactionIfNeeded(client);
  };
  return { fake, turns, send, leave };
}

describe('SocketConversations', () => {
  test("two clients' extended queries run whole, one after the other, never interleaved", async () => {
    const { fake, send } = setUp();
    const first = [send(1, 'P', 'one'), send(1, 'B', 'one')];
    const second = ['P', 'B', 'E', 'S'].map((type) => send(2, type, 'two'));
    first.push(send(1, 'E', 'one'), send(1, 'S', 'one'));
    await Promise.all([...first, ...second]);
    expect(fake.log).toEqual(['P:one', 'B:one', 'E:one', 'S:one', 'P:two', 'B:two', 'E:two', 'S:two']);
  });

  test("the serving process's turn waits for a client's transaction to end", async () => {
    const { fake, turns, send } = setUp();
    await send(1, 'Q', 'BEGIN');
    const server = turns.take().then((endTurn) => {
      fake.log.push('server');
      endTurn();
    });
    await send(1, 'Q', 'INSERT');
    await send(1, 'Q', 'COMMIT');
    await server;
    expect(fake.log).toEqual(['Q:BEGIN', 'Q:INSERT', 'Q:COMMIT', 'server']);
  });

  test('a client that goes away mid-query or mid-transaction has it closed and rolled back, and the turn passes on', async () => {
    const { fake, turns, send, leave } = setUp();
    await send(1, 'Q', 'BEGIN');
    await send(1, 'P', 'half an extended query');
    await leave(1);
    expect(fake.log).toEqual(['Q:BEGIN', 'P:half an extended query', 'cleanup S:', 'cleanup Q:ROLLBACK']);
    expect(fake.inTransaction).toBe(false);
    (await turns.take())();
  });

  test("a client that leaves while waiting its turn runs nothing and leaves the server's transaction alone", async () => {
    const { fake, turns, send, leave } = setUp();
    const endServerTurn = await turns.take();
    fake.inTransaction = true; // the server's BEGIN
    const waiting = send(1, 'Q', 'SELECT 1');
    const left = leave(1);
    fake.inTransaction = false; // the server's COMMIT
    endServerTurn();
    await left;
    await expect(waiting).rejects.toThrow(/disconnected/);
    expect(fake.log).toEqual([]);
  });

  test('a client that holds the turn mid-transaction and says nothing loses it, and then its connection', async () => {
    const { fake, turns, send } = setUp(50);
    await send(1, 'Q', 'BEGIN');
    (await turns.take())(); // resolves once the silent client's turn is taken back
    expect(fake.log).toEqual(['Q:BEGIN', 'cleanup Q:ROLLBACK']);
    await expect(send(1, 'Q', 'COMMIT')).rejects.toThrow(/disconnected/);
  });
});
