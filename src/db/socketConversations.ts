import type { PGlite } from '@electric-sql/pglite';
import { ConversationState } from './conversationState';
import type { EndTurn, Turns } from './turns';

interface Conversation {
  /** The client's messages run in the order they came: each waits for the one before. */
  last: Promise<unknown>;
  state: ConversationState;
  endTurn?: EndTurn;
  closed: boolean;
  /** Runs out when the client keeps the turn but says nothing (see SILENT_TURN_MS). */
  silence?: NodeJS.Timeout;
}

/**
 * How long a client may hold the session mid-transaction without sending anything. A hub command
 * sends a transaction's statements one after another; one that stalls (stopped in a debugger,
 * frozen) would stall the server behind it, so its transaction is rolled back and it is dropped.
 */
export const SILENT_TURN_MS = 60000;

const TERMINATE = 0x58; // 'X'
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]); // 'S', length 4

/**
 * Runs the protocol messages of every socket client on the shared PGlite, one client's exchange at
 * a time, in turn with the serving process (see Turns). It takes the place of pglite-socket's own
 * query queue, which runs each message alone under PGlite's runExclusive: that keeps two messages
 * from overlapping, but lets the serving process's statements fall between a client's BEGIN and
 * COMMIT (or between its Parse and Sync), and two clients' extended queries interleave.
 *
 * PGLiteSocketHandler calls the three methods below; it names each client by a handler id.
 */
export class SocketConversations {
  private conversations = new Map<number, Conversation>();

  constructor(
    private readonly pglite: PGlite,
    private readonly turns: Turns,
    private readonly silentTurnMs = SILENT_TURN_MS,
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    const conversation = this.conversation(handlerId);
    clearTimeout(conversation.silence);
    const run = conversation.last.then(() => this.run(conversation, message, onData));
    conversation.last = run.catch(() => undefined);
    return run;
  }

  /** The client went away: what it had queued is dropped. */
  clearQueueForHandler(handlerId: number): void {
    const conversation = this.conversations.get(handlerId);
    if (conversation) conversation.closed = true;
  }

  /**
   * Called when a client goes away, gracefully or not: whatever it left open (a half-sent extended
   * query, a transaction) is closed and rolled back, and the session passes on. A client that does
   * not hold the turn has nothing open, and any open transaction is someone else's: it is left alone.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    const conversation = this.conversations.get(handlerId);
    if (!conversation) return;
    this.conversations.delete(handlerId);
    await this.end(conversation);
  }

  getQueueLength(): number {
    return this.conversations.size;
  }

  private conversation(handlerId: number): Conversation {
    let conversation = this.conversations.get(handlerId);
    if (!conversation) {
      conversation = { last: Promise.resolve(), state: new ConversationState(), closed: false };
      this.conversations.set(handlerId, conversation);
    }
    return conversation;
  }

  private async run(conversation: Conversation, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (conversation.closed) throw new Error('Handler disconnected');
    // Terminate has no answer and PGlite has no session to end: the socket closing ends the
    // conversation, and clearTransactionIfNeeded tidies up then. No need to wait for a turn.
    if (message[0] === TERMINATE) return 0;
    conversation.endTurn ??= await this.turns.take();
    if (conversation.closed) throw new Error('Handler disconnected'); // it left while it waited
    let bytes = 0;
    conversation.state.sent();
    await this.pglite.runExclusive(() =>
      this.pglite.execProtocolRawStream(message, {
        onRawData: (data) => {
          bytes += data.length;
          conversation.state.received(data);
          onData(data);
        },
      }),
    );
    if (conversation.state.idle) this.handOn(conversation);
    else conversation.silence = setTimeout(() => void this.end(conversation), this.silentTurnMs).unref();
    return bytes;
  }

  /** No more of this client: what it left open is closed, and the session passes on. */
  private async end(conversation: Conversation): Promise<void> {
    clearTimeout(conversation.silence);
    conversation.closed = true; // its next message, if any, is refused, and the handler closes it
    await conversation.last;
    if (conversation.endTurn) await this.abandon(conversation);
  }

  private async abandon(conversation: Conversation): Promise<void> {
    try {
      await this.pglite.runExclusive(async () => {
        if (conversation.state.midExchange) await this.pglite.execProtocolRaw(SYNC);
        if (this.pglite.isInTransaction()) await this.pglite.execProtocolRaw(simpleQuery('ROLLBACK'));
      });
    } finally {
      this.handOn(conversation);
    }
  }

  private handOn(conversation: Conversation): void {
    const end = conversation.endTurn;
    conversation.endTurn = undefined;
    end?.();
  }
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
