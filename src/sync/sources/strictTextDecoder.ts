import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CutShortError } from './cutShort';
import { firstNonAscii, SNIFF_BYTES, sniffEncoding } from './encodingSniff';

const LF = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** An open line longer than this is decoded in parts, so a file on one line (a minified JSON array) still streams. */
const LONG_LINE_BYTES = 1 << 20;

export interface StrictTextOptions {
  /** The file or URL, for messages. */
  where: string;
  /** The encoding, when known; without it UTF-8 or GB18030 is detected from the text. */
  encoding?: string;
  /** Who named the encoding, for messages: "the connector", "the server's Content-Type". */
  declaredBy?: string;
}

/** Text that is not valid in its encoding: a file that mixes encodings, or damaged bytes. */
export class UndecodableTextError extends Error {
  override name = 'UndecodableTextError';
}

/**
 * Bytes to text in one encoding per file or response, refusing to guess: a line that is not valid
 * in it stops the read, naming the line. A lenient decoder would turn a GBK line in a UTF-8 file
 * into U+FFFD characters, which would then be published as if the source had written them.
 *
 * Without a declared encoding, ASCII flows on at once (it reads the same in UTF-8 and GB18030), and
 * the encoding is decided on the first 64 KB from the first byte that is not ASCII: a GBK file whose
 * Chinese starts late is still GBK. Lines are decoded whole, so an error names its line exactly.
 */
export class StrictTextDecoder extends Transform {
  private readonly where: string;
  /** Until the encoding is decided only ASCII reaches it, which any candidate decodes alike. */
  private decoder = strictDecoder('utf-8');
  private decided = false;
  private chosenBy = '';
  private atStart = true;
  /** Bytes from the first non-ASCII byte on, held until there are enough to decide the encoding on. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Bytes of the line not yet ended, and its number. */
  private open: Buffer[] = [];
  private openBytes = 0;
  private line = 1;
  /** Part of the open line was decoded already, because it is long: the decoder holds its state. */
  private midLine = false;

  constructor(options: StrictTextOptions) {
    super({ readableObjectMode: true });
    this.where = options.where;
    if (options.encoding) this.choose(knownEncoding(options.encoding, options.declaredBy), `the encoding declared by ${options.declaredBy ?? 'the caller'}`);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.accept(chunk);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.heldBytes > 0) this.decideOnHeld();
      if (this.openBytes > 0 || this.midLine) this.finishLastLine();
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private accept(chunk: Buffer): void {
    if (this.atStart) {
      this.atStart = false;
      chunk = this.afterByteOrderMark(chunk);
    }
    if (this.decided) return this.splitIntoLines(chunk);
    if (this.heldBytes === 0) {
      const first = firstNonAscii(chunk);
      if (first < 0) return this.splitIntoLines(chunk);
      this.splitIntoLines(chunk.subarray(0, first));
      chunk = chunk.subarray(first);
    }
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes >= SNIFF_BYTES) this.decideOnHeld();
  }

  private afterByteOrderMark(chunk: Buffer): Buffer {
    if (!chunk.subarray(0, 3).equals(UTF8_BOM)) {
      if (!this.decided && isUtf16ByteOrderMark(chunk)) {
        throw new Error(`${this.where} is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8 or GBK and load it again`);
      }
      return chunk;
    }
    if (!this.decided) this.choose('utf-8', 'the encoding its byte-order mark names');
    return this.decoder.encoding === 'utf-8' ? chunk.subarray(UTF8_BOM.length) : chunk;
  }

  private decideOnHeld(): void {
    const held = Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    this.choose(sniffEncoding(held.subarray(0, SNIFF_BYTES)), 'the encoding detected from its first non-ASCII text');
    this.splitIntoLines(held);
  }

  private choose(encoding: string, chosenBy: string): void {
    this.decoder = strictDecoder(encoding);
    this.decided = true;
    this.chosenBy = chosenBy;
  }

  /** Decodes every line the bytes end, and holds the rest of the open line for the next chunk. */
  private splitIntoLines(bytes: Buffer): void {
    const last = bytes.lastIndexOf(LF);
    if (last < 0) return this.holdOpenLine(bytes);
    const first = bytes.indexOf(LF);
    let text = this.finishOpenLine(bytes.subarray(0, first + 1));
    if (last > first) text += this.decodeLines(bytes.subarray(first + 1, last + 1));
    this.pushText(text);
    this.holdOpenLine(bytes.subarray(last + 1));
  }

  private holdOpenLine(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.open.push(bytes);
    this.openBytes += bytes.length;
    if (this.openBytes < LONG_LINE_BYTES) return;
    this.pushText(this.decodeLine(this.takeOpen(), true));
    this.midLine = true;
  }

  private finishOpenLine(end: Buffer): string {
    const text = this.decodeLine(this.takeOpen(end), false);
    this.line++;
    this.midLine = false;
    return text;
  }

  /** The last line has no line break: a character it breaks off in means the text was cut short. */
  private finishLastLine(): void {
    this.pushText(this.decodeLine(this.takeOpen(), true));
    try {
      this.decoder.decode();
    } catch {
      throw new CutShortError(this.where, `it ends part-way through a character on line ${this.line.toLocaleString('en-US')}`);
    }
  }

  private takeOpen(end?: Buffer): Buffer {
    const bytes = Buffer.concat(end ? [...this.open, end] : this.open);
    this.open = [];
    this.openBytes = 0;
    return bytes;
  }

  /** The open line, or a part of it: an error is on that line. */
  private decodeLine(bytes: Buffer, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream });
    } catch {
      throw this.undecodable(this.line);
    }
  }

  /** Whole lines, from a line's start to a line break: one call, and a search for the line only when it fails. */
  private decodeLines(block: Buffer): string {
    let text: string;
    try {
      text = this.decoder.decode(block);
    } catch {
      throw this.undecodable(this.line + indexOfUndecodableLine(block, this.decoder.encoding));
    }
    this.line += countLineBreaks(block);
    return text;
  }

  private pushText(text: string): void {
    if (text) this.push(text);
  }

  private undecodable(line: number): UndecodableTextError {
    const encoding = this.decoder.encoding.toUpperCase();
    return new UndecodableTextError(
      `${this.where} line ${line.toLocaleString('en-US')} is not valid ${encoding} (${this.chosenBy}): the text mixes encodings or is damaged there, ` +
        'and nothing from that line on was read. Convert it to one encoding (e.g. iconv -f GBK -t UTF-8) and load it again, or have the source fix its export',
    );
  }
}

/** A decoder that throws on invalid bytes, and leaves a BOM inside the text alone (the start is handled once). */
function strictDecoder(encoding: string): TextDecoder {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
}

function knownEncoding(label: string, declaredBy = 'the caller'): string {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    throw new Error(`unknown text encoding "${label}" (declared by ${declaredBy}); use utf-8, gbk or gb18030`);
  }
  // Lines are found by their line-break byte, which in UTF-16 is also half of other characters.
  if (encoding.startsWith('utf-16')) throw new Error(`text encoding "${label}" (declared by ${declaredBy}) is not supported; convert the text to UTF-8`);
  return encoding;
}

function isUtf16ByteOrderMark(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function countLineBreaks(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

/** Which line of a block of whole lines does not decode: each is decoded alone, from its start. */
function indexOfUndecodableLine(block: Buffer, encoding: string): number {
  const decoder = strictDecoder(encoding);
  let index = 0;
  for (let start = 0; start < block.length; index++) {
    const end = block.indexOf(LF, start) + 1 || block.length;
    try {
      decoder.decode(block.subarray(start, end));
    } catch {
      return index;
    }
    start = end;
  }
  return 0;
}
