import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { queryResolvers } from './resolvers/query';
import { entityResolvers } from './resolvers/entity';
import { disclosureFields, disclosureTypeResolver, type DomainResolvers } from './resolvers/disclosureFields';
import { environmentResolvers } from './resolvers/environment';
import { creditResolvers } from './resolvers/credit';
import { tradingResolvers } from './resolvers/trading';
import { pppResolvers } from './resolvers/ppp';
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

/** One module per domain, as one SDL file per domain. */
const DOMAINS: DomainResolvers[] = [creditResolvers, tradingResolvers, pppResolvers, environmentResolvers];

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      { DateTime: DateTimeResolver, JSON: JSONResolver },
      { Disclosure: { __resolveType: disclosureTypeResolver(DOMAINS) } },
      { GenericDisclosure: { ...disclosureFields, attributes: (row: any) => row.attributes } },
      queryResolvers,
      entityResolvers,
      ...DOMAINS.map((d) => d.resolvers),
      adminResolvers,
    ],
  });
}
