import type { Writable } from 'node:stream';
import type { PackageHead } from './types';

/**
 * Writes a package as JSON while its releases or records are still being read, one per line, so
 * an export of any size needs the memory of one batch. `publishedDate` is written after the list:
 * for a package made on demand OCDS wants the time of the last change to its contents, which is
 * known once the contents have been read (key order means nothing in JSON).
 */

export interface TextSink {
  write(text: string): Promise<void>;
}

export class OutputClosedError extends Error {
  override name = 'OutputClosedError';
}

/**
 * A Writable as a sink that waits when the stream's buffer is full and fails when it closes early.
 * It listens for the stream's errors from the start: an error nobody listens for (a full disk, a
 * closed pipe) would end the process instead of the export.
 */
export function sinkOf(stream: Writable): TextSink {
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  return {
    write: (text) => {
      if (failure) return Promise.reject(failure);
      if (stream.destroyed || stream.writableEnded) return Promise.reject(new OutputClosedError('the output was closed before the export was complete'));
      return stream.write(text) ? Promise.resolve() : drained(stream);
    },
  };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain).off('close', onClose).off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new OutputClosedError('the output was closed before the export was complete'));
    const onError = (error: Error) => settle(error);
    stream.once('drain', onDrain).once('close', onClose).once('error', onError);
  });
}

export async function writePackage<T>(
  sink: TextSink,
  head: PackageHead,
  list: 'releases' | 'records',
  items: AsyncIterable<T>,
  publishedDate: () => string,
): Promise<void> {
  const opening = JSON.stringify(head).slice(0, -1);
  await sink.write(`${opening},${JSON.stringify(list)}:[`);
  let first = true;
  for await (const item of items) {
    await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(item)}`);
    first = false;
  }
  await sink.write(`${first ? '' : '\n'}],"publishedDate":${JSON.stringify(publishedDate())}}\n`);
}
