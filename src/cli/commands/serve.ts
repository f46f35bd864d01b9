import type { Command } from 'commander';
import type { HubComponents } from '../../components';
import { loadConfig, parsePort } from '../../config/config';
import { startHub } from '../../hub';

export function registerServe(program: Command, components: HubComponents): void {
  program
    .command('serve')
    .description('migrate, start the scheduler and serve GraphQL at /graphql (health at /healthz)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 4000)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig();
      if (options.port) config.port = parsePort(options.port, '--port');
      const hub = await startHub(config, components);
      process.stderr.write(`Disclosure Hub: GraphQL at ${hub.url}/graphql (database: ${hub.db.backend}, ${hub.db.location})\n`);
      await new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          process.stderr.write(`\n${signal} received: stopping (in-flight requests and syncs finish first)\n`);
          await hub.close();
          resolve();
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
      });
    });
}
