import { PassThrough, type Readable } from 'node:stream';
import { CutShortError } from './cutShort';

/**
 * The body of a download, where a connection that breaks off (fewer bytes than its Content-Length,
 * a chunked body without its end, a stall) is a CutShortError, to be read again like any text cut
 * short, rather than a network error that ends the run.
 */
export function brokenOffAsCutShort(body: Readable, where: string): Readable {
  let received = 0;
  const guarded = new PassThrough();
  body.on('data', (chunk: Buffer) => (received += chunk.length));
  body.on('error', (error) => guarded.destroy(new CutShortError(where, `the connection broke off after ${received.toLocaleString('en-US')} bytes (${reasonOf(error)})`)));
  // Whoever stops reading early stops the download too.
  guarded.on('close', () => body.destroy());
  return body.pipe(guarded);
}

function reasonOf(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [error.message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}
