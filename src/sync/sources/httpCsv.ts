import { PassThrough, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Page, Source, SourceContext } from './source';
import { csvRecords, encodingOf, inPages } from './fileSource';

export interface HttpCsvOptions {
  /** Path under the connector's base URL. */
  path: string;
  /** Records per page handed to the engine. */
  pageSize?: number;
  /** Text encoding; by default the response's charset, else sniffed (UTF-8 or GB18030). */
  encoding?: string;
}

/**
 * A CSV export served over HTTP, as many government systems publish them: one file, often GBK,
 * read as a stream and handed to the engine page by page.
 */
export function httpCsv(options: HttpCsvOptions): Source {
  return {
    async *pages(context: SourceContext): AsyncIterable<Page> {
      const url = context.baseUrl.replace(/\/?$/, '/') + options.path.replace(/^\//, '');
      const { body, contentType } = await context.http.openStream(url, context.signal);
      const declared = options.encoding ?? /charset=([\w-]+)/i.exec(contentType ?? '')?.[1];
      const text = await decode(body, declared);
      yield* inPages(csvRecords(text), options.pageSize ?? 1000);
    },
  };
}

/** Decodes a byte stream, sniffing the encoding from its first chunk when none is declared. */
async function decode(body: Readable, declared: string | undefined): Promise<NodeJS.ReadableStream> {
  if (declared) return body.pipe(iconv.decodeStream(declared, { stripBOM: true }));
  const head = await firstChunk(body);
  const rest = new PassThrough();
  rest.write(head);
  body.pipe(rest);
  body.on('error', (error) => rest.destroy(error));
  return rest.pipe(iconv.decodeStream(encodingOf(head), { stripBOM: true }));
}

function firstChunk(body: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    body.once('data', (chunk: Buffer) => {
      body.pause();
      resolve(chunk);
    });
    body.once('end', () => resolve(Buffer.alloc(0)));
    body.once('error', reject);
  });
}
