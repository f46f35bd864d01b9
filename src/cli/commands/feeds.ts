import type { Command } from 'commander';
import { requireSampleFeeds, type HubComponents } from '../../components';
import { parsePort } from '../../config/config';
import { UsageError } from '../errors';

interface FeedsServeOptions {
  port: string;
  host: string;
  scale: string;
  seed: string;
  malformedRate: string;
  edition: string;
  errorRate?: string;
  down?: boolean;
}

export function registerFeeds(program: Command, components: HubComponents): void {
  const defaults = components.sampleFeeds?.defaults;
  const feeds = program.command('feeds').description('the bundled sample feed server');
  feeds
    .command('serve')
    .description('serve realistic, deterministic sample feeds in each source\'s own format')
    .option('--port <n>', 'port', '4100')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--scale <n>', 'records per stream', String(defaults?.scale))
    .option('--seed <n>', 'seed: the same seed serves the same data', String(defaults?.seed))
    .option('--malformed-rate <share>', 'share of deliberately malformed records, 0–1', String(defaults?.malformedRate))
    .option('--edition <n>', 'data edition: a later edition corrects some records', String(defaults?.edition))
    .option('--error-rate <share>', 'share of requests answered with HTTP 500, 0–1')
    .option('--down', 'answer every request with 503, like a dead source')
    .action(async (o: FeedsServeOptions) => {
      const samples = requireSampleFeeds(components);
      const server = await samples.start({
        port: parsePort(o.port, '--port'),
        host: o.host,
        scale: positiveInt(o.scale, '--scale'),
        seed: positiveInt(o.seed, '--seed'),
        malformedRate: share(o.malformedRate, '--malformed-rate'),
        edition: positiveInt(o.edition, '--edition'),
        faults: { errorRate: o.errorRate ? share(o.errorRate, '--error-rate') : undefined, down: o.down },
      });
      process.stderr.write(`sample feeds at ${server.url} (${samples.paths.join(', ')}); Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function positiveInt(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

function share(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${name} must be a number from 0 to 1, got "${raw}"`);
  return n;
}
