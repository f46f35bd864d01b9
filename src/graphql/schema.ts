import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { queryResolvers } from './resolvers/query';
import { entityResolvers } from './resolvers/entity';
import { disclosureFields, disclosureTypeOf } from './resolvers/disclosureFields';
import { environmentResolvers } from './resolvers/environment';
import { adminResolvers } from './resolvers/admin';

export const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

/** The SDL files, one per domain, in a stable order. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      { DateTime: DateTimeResolver, JSON: JSONResolver },
      { Disclosure: { __resolveType: disclosureTypeOf } },
      { GenericDisclosure: { ...disclosureFields, attributes: (row: any) => row.attributes } },
      queryResolvers,
      entityResolvers,
      environmentResolvers,
      adminResolvers,
    ],
  });
}
