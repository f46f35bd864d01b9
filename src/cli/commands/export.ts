import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Knex } from 'knex';
import { loadConfig, type HubConfig } from '../../config/config';
import { noticesInStoreOrder } from '../../ocds/noticeRows';
import type { TextSink } from '../../ocds/packageWriter';
import { allProcesses, writeRecordPackage, writeReleasePackage, type ExportSummary } from '../../ocds/publish';
import { withDatabase } from '../database';
import { openOutput } from '../fileOutput';

interface ExportOcdsOptions {
  out?: string;
  records?: boolean;
}

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('write stored disclosures in open data standards');
  exportCommand
    .command('ocds')
    .description('write the procurement notices as an OCDS 1.1 release package (land and property sales are left out)')
    .option('--out <file>', 'write to this file (replaced only once the export is complete) instead of standard output')
    .option('--records', 'write a record package instead: one record per contracting process, with its compiled release')
    .action(async (options: ExportOcdsOptions) => {
      const config = loadConfig();
      // Checked before the database opens, which takes seconds: a typo in the path fails at once.
      const output = await openOutput(options.out);
      let summary: ExportSummary;
      try {
        summary = await withDatabase(config, (db) => exportOcds(db.knex, output.sink, config, options.records === true), { migrate: true });
        await output.commit();
      } catch (error) {
        await output.discard();
        throw error;
      }
      const kind = options.records ? 'record' : 'release';
      process.stderr.write(`exported ${summary.releases} releases of ${summary.processes} processes as an OCDS ${kind} package to ${output.name}\n`);
    });
}

function exportOcds(knex: Knex, sink: TextSink, config: HubConfig, records: boolean): Promise<ExportSummary> {
  // A file has no address of its own: the package is identified by a fresh UUID URN.
  const target = { sink, settings: config, uri: `urn:uuid:${randomUUID()}` };
  return records ? writeRecordPackage(knex, target, allProcesses(knex)) : writeReleasePackage(target, noticesInStoreOrder(knex, {}));
}
