import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { HubContext } from '../graphql/context';

/** Apollo's response cache, with a way to forget every answer it keeps. */
export interface PublicResponseCache {
  plugin: ApolloServerPlugin<HubContext>;
  /**
   * Forgets every cached answer at once: what is public has changed in a way a max-age must not
   * hide (a review decision withheld a published record, or published a held one).
   */
  clear(): void;
}

/**
 * Public answers are kept in memory for as long as their Cache-Control already allows. Clearing
 * moves every key to a new generation instead of emptying the store: the old entries can no longer
 * be reached and age out of Apollo's bounded cache (shared with persisted queries, which a clear
 * must not drop). An answer computed while a clear happened is not stored, since it may have been
 * read before the change: each request notes the generation it started in, and only an answer
 * that ends in the same one is written.
 */
export function publicResponseCache(): PublicResponseCache {
  let generation = 0;
  const startedIn = new WeakMap<HubContext, number>();
  const plugin = responseCachePlugin<HubContext>({
    generateCacheKey: (_, keyData) => createHash('sha256').update(JSON.stringify([generation, keyData])).digest('hex'),
    shouldReadFromCache: async ({ contextValue }) => {
      startedIn.set(contextValue, generation);
      return true;
    },
    shouldWriteToCache: async ({ contextValue }) => startedIn.get(contextValue) === generation,
  });
  return {
    plugin,
    clear: () => {
      generation += 1;
    },
  };
}
