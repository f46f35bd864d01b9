/**
 * Tells, from what the backend sends, whether one client's exchange with PostgreSQL is finished.
 * The backend closes every exchange (a simple query, an extended query up to its Sync, the start-up)
 * with ReadyForQuery ('Z'), whose one-byte body is 'I' when no transaction is open. Until then the
 * client is in the middle of something: between Parse and Sync, or inside BEGIN … COMMIT.
 *
 * Backend messages are a type byte, a four-byte big-endian length that counts itself but not the
 * type byte, and a body; a chunk of output may end anywhere, even inside a header.
 */
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
/** Messages the backend may send at any time, e.g. a NOTICE after ReadyForQuery: they open nothing. */
const ASYNCHRONOUS = new Set([0x4e /* N notice */, 0x41 /* A notification */, 0x53 /* S parameter status */]);
const HEADER_BYTES = 5;

export class ConversationState {
  /** True when the client has nothing open: the session may pass to someone else. */
  idle = true;
  /** True from a message sent until the backend's next ReadyForQuery, e.g. between Parse and Sync. */
  midExchange = false;
  private header = Buffer.alloc(0);
  private type = 0;
  private bodyLeft = 0;

  /** The client sent a message: it is busy until the backend says it is ready again. */
  sent(): void {
    this.idle = false;
    this.midExchange = true;
  }

  received(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        if (this.type === READY_FOR_QUERY) {
          this.idle = chunk[at] === IDLE; // its body is the status byte
          this.midExchange = false;
        }
        const taken = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= taken;
        at += taken;
        continue;
      }
      const taken = Math.min(HEADER_BYTES - this.header.length, chunk.length - at);
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + taken)]);
      at += taken;
      if (this.header.length === HEADER_BYTES) this.startMessage();
    }
  }

  private startMessage(): void {
    this.type = this.header[0];
    this.bodyLeft = this.header.readInt32BE(1) - 4;
    this.header = Buffer.alloc(0);
    if (this.type !== READY_FOR_QUERY && !ASYNCHRONOUS.has(this.type)) this.idle = false;
  }
}
