import { pipeline, Readable, type Transform } from 'node:stream';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/Pick';
import { streamArray } from 'stream-json/streamers/StreamArray';

/** Some portals wrap their export in an envelope: `{"data": [...]}` loads like the bare array. */
const ENVELOPE_KEY = 'data';
const EXPECTED = `expected a JSON array of records (or {"${ENVELOPE_KEY}": [...]})`;

/**
 * The records of a JSON array file, one at a time as the text streams in: memory stays flat however
 * long the array, where JSON.parse would hold the whole text (and cannot past V8's string limit).
 * A syntax error stops the load: unlike a JSON Lines file there is no next line to resume at.
 */
export async function* jsonArrayRecords(file: string, text: Readable): AsyncIterable<unknown> {
  const { opening, rest } = await openingCharacter(text);
  if (opening === undefined) throw new Error(`${file} is empty: ${EXPECTED}; check that the export finished writing`);
  if (opening !== '[' && opening !== '{') throw new Error(`${file} does not start with "[" but with "${opening}": ${EXPECTED}`);
  const envelope = opening === '{' ? new Envelope() : undefined;
  // Packed values only: the streamed string and number chunks would be tokens nobody reads.
  const stages: Transform[] = [parser({ streamValues: false }), ...(envelope ? [envelope.picker()] : []), streamArray()];
  const records = pipeline([rest, ...stages], () => undefined) as unknown as AsyncIterable<{ value: unknown }>;
  let read = 0;
  try {
    for await (const { value } of records) {
      read++;
      yield value;
    }
  } catch (error) {
    throw isParseError(error) ? brokenArray(file, read, error) : error;
  }
  if (envelope && !envelope.found) throw new Error(`${file} holds an object without a "${ENVELOPE_KEY}" array: ${EXPECTED}`);
}

/**
 * The first character that is not white space, and the whole text again to parse. Looking first
 * keeps the bare array, the usual case, off the envelope's extra stage, which costs a third of the
 * parsing time, and makes a file that is not an array fail before it is read to the end.
 */
async function openingCharacter(text: Readable): Promise<{ opening?: string; rest: Readable }> {
  const chunks = text[Symbol.asyncIterator]() as AsyncIterator<string>;
  const seen: string[] = [];
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    seen.push(next.value);
    // A BOM counts as white space here; the decoder has stripped it already anyway.
    const opening = /[^\s\uFEFF]/.exec(next.value)?.[0];
    if (opening) return { opening, rest: Readable.from(replay(seen, chunks)) };
  }
  return { rest: Readable.from([]) };
}

async function* replay(seen: string[], chunks: AsyncIterator<string>): AsyncIterable<string> {
  yield* seen;
  yield* { [Symbol.asyncIterator]: () => chunks };
}

/** Picks the envelope's array of records, and remembers whether there was one. */
class Envelope {
  found = false;

  picker(): Transform {
    return pick({
      once: true,
      filter: (stack, token) => {
        const isRecords = stack.length === 1 && stack[0] === ENVELOPE_KEY && token.name === 'startArray';
        this.found ||= isRecords;
        return isRecords;
      },
    });
  }
}

/** stream-json's own syntax errors, as opposed to a read error of the file, which passes through as it is. */
function isParseError(error: unknown): error is Error {
  return error instanceof Error && error.message.startsWith('Parser ');
}

/**
 * Where the error is, as closely as the stream can say: the records already read precede it, but
 * stream-json reads ahead and drops what it parsed past them when it fails, so it may lie a few
 * hundred records further on.
 */
function brokenArray(file: string, read: number, error: Error): Error {
  const reason = error.message.replace(/^Parser (cannot parse input: |has )/, '');
  const where = read === 0 ? 'near its start' : `somewhere after its first ${read.toLocaleString('en-US')} records`;
  return new Error(`${file} is not a well-formed JSON array (${reason}) ${where}: the file is cut short or broken there; re-export it, or fix the JSON`);
}
