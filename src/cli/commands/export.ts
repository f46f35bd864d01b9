import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import type { Knex } from 'knex';
import { loadConfig, type HubConfig } from '../../config/config';
import { noticesInStoreOrder } from '../../ocds/noticeRows';
import { sinkOf, type TextSink } from '../../ocds/packageWriter';
import { allProcesses, writeRecordPackage, writeReleasePackage, type ExportSummary } from '../../ocds/publish';
import { withDatabase } from '../database';
import { UsageError } from '../errors';

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

interface Output {
  name: string;
  sink: TextSink;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Standard output, or a temporary file beside --out that replaces it only when the export is
 * complete: a failed export never leaves a truncated package that looks like a finished one.
 */
async function openOutput(out: string | undefined): Promise<Output> {
  if (out === undefined) return { name: 'standard output', sink: sinkOf(process.stdout), commit: async () => {}, discard: async () => {} };
  const file = path.resolve(out);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(`cannot write --out ${out}: it is a directory; name a file`);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await fs.promises.open(temporary, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write --out ${out}: ${reasonOf(error, path.dirname(file))}`);
  });
  const stream = handle.createWriteStream();
  const close = async () => {
    stream.end();
    await finished(stream);
  };
  return {
    name: out,
    sink: sinkOf(stream),
    commit: async () => {
      await close();
      await fs.promises.rename(temporary, file).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot write --out ${out}: ${reasonOf(error, path.dirname(file))}`);
      });
    },
    discard: async () => {
      stream.destroy();
      await fs.promises.rm(temporary, { force: true });
    },
  };
}

function reasonOf(error: NodeJS.ErrnoException, directory: string): string {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `the directory ${directory} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied in ${directory}`;
    case 'EROFS':
      return `${directory} is on a read-only file system`;
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.message;
  }
}
