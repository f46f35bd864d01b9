import { ConversationState } from '../../src/db/conversationState';

/** A backend message: type byte, length (counting itself), body. */
function message(type: string, body: Buffer | string = Buffer.alloc(0)): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(bytes.length + 4, 1);
  return Buffer.concat([header, bytes]);
}

const ready = (status: 'I' | 'T' | 'E') => message('Z', status);
const exchange = (...parts: Buffer[]) => Buffer.concat(parts);

/** Feeds the output in chunks of the given size, as a socket may deliver it. */
function feed(state: ConversationState, output: Buffer, chunk: number): void {
  for (let at = 0; at < output.length; at += chunk) state.received(output.subarray(at, at + chunk));
}

describe('ConversationState', () => {
  const selectOne = exchange(message('1'), message('2'), message('T', Buffer.alloc(20)), message('D', Buffer.alloc(11)), message('C', 'SELECT 1\0'));

  test.each([1, 2, 3, 5, 6, 7, 1000])('is idle only once ReadyForQuery says no transaction is open (chunks of %i bytes)', (chunk) => {
    const state = new ConversationState();
    state.sent();
    feed(state, selectOne, chunk);
    expect(state).toMatchObject({ idle: false, midExchange: true }); // Parse … CommandComplete: the Sync's answer is still to come
    feed(state, ready('I'), chunk);
    expect(state).toMatchObject({ idle: true, midExchange: false });

    state.sent();
    feed(state, exchange(message('C', 'BEGIN\0'), ready('T')), chunk);
    expect(state).toMatchObject({ idle: false, midExchange: false }); // inside BEGIN … COMMIT, between statements
    state.sent();
    feed(state, exchange(message('E', 'SERROR\0\0'), ready('E')), chunk);
    expect(state.idle).toBe(false); // a failed transaction is still open until ROLLBACK
    state.sent();
    feed(state, exchange(message('C', 'ROLLBACK\0'), ready('I')), chunk);
    expect(state.idle).toBe(true);
  });

  test('a notice after ReadyForQuery opens nothing; a data row that happens to hold "Z…I" is not mistaken for it', () => {
    const state = new ConversationState();
    state.sent();
    state.received(exchange(message('C', 'COMMIT\0'), ready('I'), message('N', 'SNOTICE\0\0')));
    expect(state.idle).toBe(true);

    state.sent();
    state.received(message('D', ready('I'))); // a row whose bytes look like ReadyForQuery
    expect(state.idle).toBe(false);
  });
});
