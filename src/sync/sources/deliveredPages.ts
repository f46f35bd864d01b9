import { createHash } from 'node:crypto';
import type { Page } from './source';

/**
 * What a source has handed on, page by page, so that when it reads an export again from the start
 * (the download broke off) the pages already delivered are not delivered twice. A page is skipped
 * only when the one at the same place had the same records: if the export changed in between, the
 * changed pages and all after them go on, and the upsert absorbs any row seen twice. Skipping by
 * row count instead could skip a row never delivered, which a list source would then mark removed.
 */
export class DeliveredPages {
  private readonly fingerprints: string[] = [];

  /** The pages of one read, less those delivered unchanged by an earlier read. */
  async *notYetDelivered(pages: AsyncIterable<Page>): AsyncIterable<Page> {
    let index = 0;
    for await (const page of pages) {
      const fingerprint = fingerprintOf(page);
      if (this.fingerprints[index] !== fingerprint) {
        this.fingerprints[index] = fingerprint;
        yield page;
      }
      index++;
    }
  }
}

function fingerprintOf(page: Page): string {
  return createHash('sha256').update(JSON.stringify(page.records)).digest('base64');
}
