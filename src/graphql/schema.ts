import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { JSONResolver } from 'graphql-scalars';
import { DateTime } from './shared/dateTimeScalar';
import type { GraphQLSchema } from 'graphql';
import { adminResolvers } from './admin/resolvers';
import { creditResolvers } from './credit/resolvers';
import { disclosureResolvers } from './disclosures/resolvers';
import { entityResolvers } from './entity/resolvers';
import { environmentResolvers } from './environment/resolvers';
import { feedResolvers } from './feeds/resolvers';
import { operationsResolvers } from './admin/operations';
import { policyResolvers } from './policy/resolvers';
import { pppResolvers } from './ppp/resolvers';
import { reportResolvers } from './report/resolvers';
import { reviewResolvers } from './review/resolvers';
import { tradingResolvers } from './trading/resolvers';
import { usccResolvers } from './uscc/resolvers';
import { refuseNulInArguments } from './nulArguments';
import { resolveLazyConnectionFields } from './shared/connection';

export const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

/** The SDL files, one per domain, in a stable order. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/**
 * The SDL with one resolver module per domain folder. Rows are mapped to the served shape where
 * they are loaded (disclosures/served.ts), so most fields need no resolver; the Disclosure
 * interface's relations (subject, revisions) are written once and inherited by every type.
 * Arguments holding a NUL character are refused before any resolver sees them (nulArguments.ts).
 * A connection's count and cursors, kept as functions, have resolvers (shared/connection.ts).
 */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      { DateTime, JSON: JSONResolver },
      disclosureResolvers,
      entityResolvers,
      creditResolvers,
      tradingResolvers,
      pppResolvers,
      policyResolvers,
      environmentResolvers,
      usccResolvers,
      adminResolvers,
      feedResolvers,
      operationsResolvers,
      reviewResolvers,
      reportResolvers,
    ],
    inheritResolversFromInterfaces: true,
  });
  return refuseNulInArguments(resolveLazyConnectionFields(schema));
}
