import express from 'express';
import type { Knex } from 'knex';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type http from 'node:http';
import { buildSchema } from '../graphql/schema';
import { createContext, type HubContext } from '../graphql/context';
import { landingPage } from './landingPage';

export interface AppOptions {
  knex: Knex;
  httpServer: http.Server;
  /** True once the hub can serve: migrations applied, scheduler started. */
  isReady: () => boolean;
  creditChinaTemplate: string;
  bodyLimit?: string;
}

/** The hub's HTTP surface: GraphQL, health, readiness and the landing page, on Express 5. */
export async function createApp(options: AppOptions): Promise<{ app: express.Express; apollo: ApolloServer<HubContext> }> {
  const apollo = new ApolloServer<HubContext>({
    schema: buildSchema(),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res) => {
    res.type('html').send(landingPage());
  });
  app.get('/healthz', async (_req, res) => {
    const alive = await databaseAnswers(options.knex);
    res.status(alive ? 200 : 503).json({ status: alive ? 'ok' : 'database unavailable' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = options.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  const template = options.creditChinaTemplate;
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(options.knex, template) }),
  );
  return { app, apollo };
}

async function databaseAnswers(knex: Knex): Promise<boolean> {
  try {
    await Promise.race([knex.raw('select 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
    return true;
  } catch {
    return false;
  }
}
