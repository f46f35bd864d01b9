import { pipeline } from 'node:stream';
import { FetchError } from '../http/httpClient';
import type { Page, Source, SourceContext } from './source';
import { brokenOffAsCutShort } from './brokenDownload';
import { csvRecords } from './csvRecords';
import { CutShortError } from './cutShort';
import { DeliveredPages } from './deliveredPages';
import { inPages } from './fileSource';
import { StrictTextDecoder } from './strictTextDecoder';

export interface HttpCsvOptions {
  /** Path under the connector's base URL. */
  path: string;
  /** Records per page handed to the engine. */
  pageSize?: number;
  /** Text encoding; by default the response's charset, else detected (UTF-8 or GB18030). */
  encoding?: string;
}

/**
 * A CSV export served over HTTP, as many government systems publish them: one file, often GBK,
 * read as a stream and handed to the engine page by page.
 *
 * An export that breaks off part-way is a failed fetch, not a complete export: it is read again
 * from the start with the client's back-off, without handing on again the pages already delivered.
 * If it is still cut short after the client's attempts, the read fails: the run then fails, and a
 * list source does not take the rows it never read as removed.
 */
export function httpCsv(options: HttpCsvOptions): Source {
  return {
    async *pages(context: SourceContext): AsyncIterable<Page> {
      const url = context.baseUrl.replace(/\/?$/, '/') + options.path.replace(/^\//, '');
      const delivered = new DeliveredPages();
      for (let attempt = 1; ; attempt++) {
        try {
          yield* delivered.notYetDelivered(readExport(url, options, context));
          return;
        } catch (error) {
          if (!(error instanceof CutShortError) || context.signal.aborted) throw error;
          if (!(await context.http.waitBeforeRetry(url, attempt, error.detail, context.signal))) {
            throw new FetchError(
              `GET ${url} failed after ${attempt} attempt(s): the export was cut short (${error.detail}); ` +
                'rows stored before the cut stay stored, and the next run reads the export again',
              url,
            );
          }
        }
      }
    },
  };
}

/** One read of the export, from its first row. */
async function* readExport(url: string, options: HttpCsvOptions, context: SourceContext): AsyncIterable<Page> {
  const { body, contentType } = await context.http.openStream(url, context.signal);
  const charset = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1];
  const text = new StrictTextDecoder({
    where: url,
    encoding: options.encoding ?? charset,
    declaredBy: options.encoding ? 'the connector' : "the server's Content-Type",
  });
  pipeline(brokenOffAsCutShort(body, url), text, () => undefined);
  yield* inPages(csvRecords(text, url), options.pageSize ?? 1000);
}
