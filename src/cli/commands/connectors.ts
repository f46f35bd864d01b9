import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig } from '../../config/config';
import { loadManifest, type LoadedManifest } from '../../manifest/loadManifest';
import { previewStream, type StreamPreview } from '../../manifest/previewStream';
import { createReviewer } from '../../review/reviewer';
import { withFeeds } from '../feedsForCli';
import { UsageError } from '../errors';
import { formatTable } from '../table';

export function registerConnectors(program: Command, components: HubComponents): void {
  const command = program.command('connectors').description('the connectors loaded (built-in and manifests), and checking a manifest');
  command
    .command('list')
    .description('every connector and stream loaded: built-in ones and manifests (connectors/*/connector.yaml, HUB_CONNECTORS_DIR)')
    .option('--json', 'print JSON instead of the table')
    .action((options: { json?: boolean }) => {
      const rows = components.connectors.flatMap((c) =>
        c.streams.map((s) => ({
          stream: `${c.name}/${s.name}`,
          domain: c.domain,
          declaredIn: c.manifestFile ?? 'built-in (TypeScript)',
          mode: s.mode ?? 'incremental',
          schedule: s.schedule ?? null,
        })),
      );
      if (options.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      process.stdout.write(`${formatTable(['stream', 'domain', 'mode', 'schedule', 'declared in'], rows.map((r) => [r.stream, r.domain, r.mode, r.schedule ?? '', r.declaredIn]))}\n`);
    });
  command
    .command('check')
    .description('validate a manifest (every error with its line and column), then map the first page of its source and print the disclosures')
    .argument('<manifest>', 'the manifest file, e.g. connectors/policy/connector.yaml')
    .option('--sample <file>', 'map the records of this file (JSON array, JSON Lines or CSV) instead of the live source')
    .option('--stream <name>', 'only this stream of the manifest')
    .option('--limit <n>', 'disclosures to print per stream', '3')
    .option('--no-fetch', 'only validate the manifest; read no source')
    .option('--json', 'print JSON')
    .action(async (file: string, options: CheckOptions) => {
      const manifest = loadManifest(file);
      const streams = manifest.streams.filter((s) => !options.stream || s.declared.name === options.stream);
      if (streams.length === 0) throw new UsageError(`${file} has no stream "${options.stream}"; it has ${manifest.streams.map((s) => s.declared.name).join(', ')}`);
      if (!options.json) process.stdout.write(`${manifest.file}: valid; connector "${manifest.connector.name}" (${manifest.connector.domain}), streams ${manifest.streams.map((s) => s.declared.name).join(', ')}\n`);
      if (!options.fetch) return;
      const previews = await readPreviews(manifest, streams.map((s) => s.declared.name), options, components);
      if (options.json) return void process.stdout.write(`${JSON.stringify(previews, null, 2)}\n`);
      for (const preview of previews) process.stdout.write(describePreview(preview));
      if (previews.some((p) => p.error || p.records.some((r) => r.problems))) process.exitCode = 1;
    });
}

interface CheckOptions {
  sample?: string;
  stream?: string;
  limit: string;
  fetch: boolean;
  json?: boolean;
}

async function readPreviews(manifest: LoadedManifest, names: string[], options: CheckOptions, components: HubComponents): Promise<StreamPreview[]> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, got "${options.limit}"`);
  const config = loadConfig();
  const review = createReviewer(config.reviewRules);
  const run = (baseUrl: string | undefined) =>
    Promise.all(names.map((name) => previewStream(manifest, name, { baseUrl, file: options.sample, limit, mapping: { city: config.city }, review })));
  if (options.sample) return run(undefined);
  return withFeeds(config, components, (feedUrl) => run(feedUrl(manifest.connector.name)));
}

function describePreview(preview: StreamPreview): string {
  const lines = [`\n${preview.stream} — ${preview.from}`];
  if (preview.error) lines.push(`  could not read the first page: ${preview.error}`);
  for (const record of preview.records) {
    if (record.problems) lines.push(`  ✗ record ${record.index} (${record.stage}): ${record.problems.join('; ')}`);
    else lines.push(`  ✓ record ${record.index}${record.heldBy ? ` — would be held for review (${record.heldBy.join(', ')})` : ''}`, indent(JSON.stringify(record.disclosure, null, 2)));
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}
