import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connect';
import { addressPath, endpointUrl, readStoreAddress } from '../../src/db/storeAddress';

/**
 * The embedded database shared by its owner (as `hub serve` does) with clients of its socket:
 * the owner's statements and each client's run in turns, a transaction never interleaving with
 * another party's statements.
 */
describe('an embedded database shared over its socket', () => {
  let dataDir: string;
  let owner: Database;
  let ownerClosed = false;
  let url: string;
  const clients: pg.Client[] = [];

  async function client(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined); // a client killed on purpose below
    await c.connect();
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-shared-'));
    owner = await openDatabase({ dataDir });
    await owner.share!();
    await owner.knex.schema.createTable('counter', (t) => {
      t.integer('id').primary();
      t.integer('n').notNullable();
    });
    await owner.knex.schema.createTable('notes', (t) => {
      t.increments('id');
      t.text('text');
    });
    await owner.knex('counter').insert({ id: 1, n: 0 });
    url = endpointUrl(readStoreAddress(dataDir, process.pid)!.endpoint);
  }, 180000);

  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    if (!ownerClosed) await owner?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('listens on a Unix socket in the data directory that only its owner may use', () => {
    const address = readStoreAddress(dataDir, process.pid)!;
    expect(address.endpoint).toEqual({ socketDir: dataDir, port: 5432 });
    expect(fs.statSync(path.join(dataDir, '.s.PGSQL.5432')).mode & 0o777).toBe(0o600);
  });

  test("the owner's statements wait for a client's transaction instead of running inside it", async () => {
    const c = await client();
    await c.query('BEGIN');
    await c.query(`INSERT INTO notes (text) VALUES ('client, rolled back')`);
    const ownerRead = owner.knex('notes').count({ n: '*' }).first();
    // Give a wrongly interleaving owner every chance to run inside the client's transaction.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await c.query('ROLLBACK');
    // Inside the client's transaction it would have counted the row that was rolled back.
    expect(await ownerRead).toEqual({ n: 0 });
  });

  test("a client's statements wait for the owner's transaction instead of running inside it", async () => {
    const c = await client();
    const trx = await owner.knex.transaction();
    await trx('notes').insert({ text: 'owner, rolled back' });
    const clientRead = c.query('SELECT count(*)::int AS n FROM notes');
    // Give a wrongly interleaving client every chance to run inside the owner's transaction.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await trx.rollback();
    expect((await clientRead).rows).toEqual([{ n: 0 }]);
  });

  test('read-modify-write transactions from the owner and two clients at once lose no update', async () => {
    const bump = async (run: (sql: string, values?: unknown[]) => Promise<{ rows: Array<{ n: number }> }>) => {
      await run('BEGIN');
      const { rows } = await run('SELECT n FROM counter WHERE id = 1');
      await run('UPDATE counter SET n = $1 WHERE id = 1', [rows[0].n + 1]);
      await run('COMMIT');
    };
    const [a, b] = [await client(), await client()];
    const viaClient = (c: pg.Client) => (sql: string, values?: unknown[]) => c.query(sql, values);
    const viaOwner = () =>
      owner.knex.transaction(async (trx) => {
        const { n } = await trx('counter').where({ id: 1 }).first('n');
        await trx('counter').where({ id: 1 }).update({ n: n + 1 });
      });
    const times = 15;
    // Each party one transaction after another (a connection runs one at a time); the three at once.
    const repeat = async (bumpOnce: () => Promise<unknown>) => {
      for (let i = 0; i < times; i++) await bumpOnce();
    };
    await Promise.all([repeat(() => bump(viaClient(a))), repeat(() => bump(viaClient(b))), repeat(viaOwner)]);
    expect(await owner.knex('counter').where({ id: 1 }).first('n')).toEqual({ n: 3 * times });
  }, 60000);

  test('a client that dies inside its transaction has it rolled back, and the owner carries on', async () => {
    const c = await client();
    await c.query('BEGIN');
    await c.query(`INSERT INTO notes (text) VALUES ('from a client that died')`);
    (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await owner.knex('notes').where({ text: 'from a client that died' }).count({ n: '*' }).first()).toEqual({ n: 0 });
    const next = await client();
    expect((await next.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  test('an error inside a client transaction leaves that transaction to the client, then all goes on', async () => {
    const c = await client();
    await c.query('BEGIN');
    await expect(c.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
    await expect(c.query('SELECT 1')).rejects.toThrow(/current transaction is aborted/);
    await c.query('ROLLBACK');
    expect((await c.query('SELECT $1::int AS x', [7])).rows).toEqual([{ x: 7 }]);
    expect(await owner.knex('counter').count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  test('closing stops the socket, ends the clients and removes the address', async () => {
    const c = await client();
    const ended = new Promise((resolve) => c.once('end', resolve));
    await owner.close();
    ownerClosed = true;
    await ended;
    expect(fs.existsSync(addressPath(dataDir))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, '.s.PGSQL.5432'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'hub.lock'))).toBe(false);
  });

  test('the address of a server that died is ignored: its lock is taken over and the files opened directly', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dataDir, 'hub.lock'), dead);
    fs.writeFileSync(addressPath(dataDir), JSON.stringify({ pid: Number(dead), endpoint: { host: '127.0.0.1', port: 1 } }));
    const reopened = await openDatabase({ dataDir, joinRunningHub: true });
    try {
      expect(reopened.backend).toBe('embedded');
      expect(fs.existsSync(addressPath(dataDir))).toBe(false);
      expect(await reopened.knex('counter').where({ id: 1 }).first('n')).toEqual({ n: 45 });
    } finally {
      await reopened.close();
    }
  }, 180000);
});
