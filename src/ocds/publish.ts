import type { Knex } from 'knex';
import { noticesOfProcesses, processCodesPage, type NoticeFilter, type NoticeInProject, type NoticeRow } from './noticeRows';
import { LOTS_EXTENSION } from './lots';
import { writePackage, type TextSink } from './packageWriter';
import { partyDirectory } from './partyDirectory';
import { buildRecord } from './record';
import { buildRelease } from './release';
import type { OcdsSettings } from './settings';
import { chinaIso } from './time';
import type { OcdsRecord, PackageHead, Release } from './types';

/** Release and record packages from the store, written to a sink as they are read. */

export interface PackageTarget {
  sink: TextSink;
  settings: OcdsSettings;
  /** The package's own URI: the page's URL over HTTP, a UUID URN for a file (cli/commands/export.ts). */
  uri: string;
}

export interface ExportSummary {
  releases: number;
  processes: number;
}

/** Batches of processes to put in a record package: a page of project codes each. */
export type ProcessBatches = AsyncIterable<readonly string[]>;

/** Every package declares the lots extension: a project with lots puts them in `tender.lots` (lots.ts). */
export function packageHead(target: PackageTarget): PackageHead {
  return { uri: target.uri, version: '1.1', extensions: [LOTS_EXTENSION], publisher: { name: target.settings.publisherName } };
}

/** The release package: one release per stored notice the batches bring (noticesInStoreOrder). */
export async function writeReleasePackage(target: PackageTarget, notices: AsyncIterable<NoticeInProject[]>): Promise<ExportSummary> {
  const tally = new Tally();
  async function* releases(): AsyncGenerator<Release> {
    for await (const batch of notices) {
      for (const row of batch) yield tally.release(buildRelease(row, target.settings.ocdsPrefix, row.directory), row);
    }
  }
  await writePackage(target.sink, packageHead(target), 'releases', releases(), () => tally.publishedDate());
  return tally.summary();
}

/**
 * The record package: one record per contracting process — a project, with all its lots — with
 * every release of the project, its organisations resolved over all of them (partyDirectory.ts).
 */
export async function writeRecordPackage(knex: Knex, target: PackageTarget, processes: ProcessBatches): Promise<ExportSummary> {
  const tally = new Tally();
  async function* records(): AsyncGenerator<OcdsRecord> {
    for await (const codes of processes) {
      const notices = await noticesOfProcesses(knex, codes);
      for (const code of codes) {
        const rows = notices.get(code) ?? [];
        const directory = partyDirectory(rows.map((row) => row.attributes.parties));
        if (rows.length > 0) yield buildRecord(rows.map((row) => tally.release(buildRelease(row, target.settings.ocdsPrefix, directory), row)));
      }
    }
  }
  await writePackage(target.sink, packageHead(target), 'records', records(), () => tally.publishedDate());
  return tally.summary();
}

/** Every process with a notice stored since the filter's time, a page of codes at a time. */
export async function* allProcesses(knex: Knex, filter: NoticeFilter = {}, pageSize = 100): ProcessBatches {
  let after: string | undefined;
  for (;;) {
    const page = await processCodesPage(knex, { ...filter, after, limit: pageSize });
    if (page.codes.length > 0) yield page.codes;
    if (!page.more) return;
    after = page.codes[page.codes.length - 1];
  }
}

/** Splits one page of codes into the batches a query reads at once. */
export async function* inBatches(codes: readonly string[], size = 50): ProcessBatches {
  for (let i = 0; i < codes.length; i += size) yield codes.slice(i, i + size);
}

/** Counts what was written and when its contents last changed (the package's publishedDate). */
class Tally {
  private releases = 0;
  private readonly ocids = new Set<string>();
  private lastChange = 0;

  release(release: Release, row: NoticeRow): Release {
    this.releases += 1;
    this.ocids.add(release.ocid);
    this.lastChange = Math.max(this.lastChange, row.storedAt.getTime());
    return release;
  }

  /** An empty package changed never; it is dated now. */
  publishedDate(): string {
    return chinaIso(this.lastChange > 0 ? new Date(this.lastChange) : new Date());
  }

  summary(): ExportSummary {
    return { releases: this.releases, processes: this.ocids.size };
  }
}
