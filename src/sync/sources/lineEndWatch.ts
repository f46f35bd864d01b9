import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes text through and remembers whether it ended with a line break: a last line without one
 * may be where a download or a copy broke off. Writers of exports end every line, the last one
 * included, though not all do; so this alone proves nothing, and callers weigh it with more.
 */
export class LineEndWatch extends Transform {
  /** Text came after the last line break. */
  endsMidLine = false;

  constructor() {
    super({ objectMode: true });
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (chunk.length > 0) {
      const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk[chunk.length - 1];
      this.endsMidLine = last !== 0x0a && last !== 0x0d;
    }
    done(null, chunk);
  }
}
