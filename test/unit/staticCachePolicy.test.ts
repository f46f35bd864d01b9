import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { staticCachePolicy } from '../../src/server/staticCachePolicy';

// A small schema with every kind of hint the hub's SDL uses: type hints, field hints, private
// scope, inheritMaxAge, an interface with differently hinted implementations, and defaults.
const typeDefs = /* GraphQL */ `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  interface Disclosure { id: ID! title: String! }
  type Penalty implements Disclosure @cacheControl(maxAge: 600) { id: ID! title: String! decision: Decision }
  type Project implements Disclosure @cacheControl(maxAge: 3600) { id: ID! title: String! stage: Stage }
  type Decision @cacheControl(inheritMaxAge: true) { body: String }
  type Stage { name: String }
  type Connection { nodes: [Disclosure!]! totalCount: Int! }
  type Secret @cacheControl(maxAge: 0, scope: PRIVATE) { value: String }
  type Query {
    disclosures(empty: Boolean): Connection!
    projects(empty: Boolean): [Project!]! @cacheControl(maxAge: 3600)
    penalty: Penalty
    secret: Secret
    forecast: String @cacheControl(maxAge: 300)
    check: String @cacheControl(maxAge: 86400)
    fails: String
  }
`;
const rows = [
  { __typename: 'Penalty', id: 'p1', title: '处罚', decision: { body: '罚款' } },
  { __typename: 'Project', id: 'x1', title: '项目', stage: { name: '执行' } },
];
const resolvers = {
  Disclosure: { __resolveType: (row: { __typename: string }) => row.__typename },
  Query: {
    disclosures: (_: unknown, args: { empty?: boolean }) => ({ nodes: args.empty ? [] : rows, totalCount: args.empty ? 0 : 2 }),
    projects: (_: unknown, args: { empty?: boolean }) => (args.empty ? [] : [rows[1]]),
    penalty: () => rows[0],
    secret: () => ({ value: 's' }),
    forecast: () => 'sunny',
    check: () => 'ok',
    fails: () => {
      throw new Error('no');
    },
  },
};

async function cacheControlOf(plugins: 'apollo' | 'static', query: string): Promise<string | undefined> {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  const server = new ApolloServer({
    schema,
    plugins: plugins === 'apollo' ? [ApolloServerPluginCacheControl({ defaultMaxAge: 60 })] : [ApolloServerPluginCacheControlDisabled(), staticCachePolicy({ defaultMaxAge: 60 })],
  });
  await server.start();
  try {
    const response = await server.executeOperation({ query });
    return response.http.headers.get('cache-control');
  } finally {
    await server.stop();
  }
}

describe("the hub's cache policy, read once per operation", () => {
  const sameAsApollo: Array<[string, string, string]> = [
    ['a root scalar with a hint', '{ check }', 'max-age=86400, public'],
    ['root fields restrict each other', '{ check forecast }', 'max-age=300, public'],
    ['a root field without a hint takes the default', '{ disclosures { totalCount } }', 'max-age=60, public'],
    ['a field hint overrides its type', '{ projects { id stage { name } } }', 'max-age=60, public'],
    ['a type hint, and inheritMaxAge', '{ penalty { id decision { body } } }', 'max-age=600, public'],
    ['a private type makes the answer uncacheable', '{ check secret { value } }', 'no-store'],
    ['an interface list through fragments', '{ disclosures { nodes { id ... on Penalty { decision { body } } ... on Project { stage { name } } } } }', 'max-age=60, public'],
    ['a named fragment', 'query { ...top } fragment top on Query { forecast check }', 'max-age=300, public'],
    ['__typename sets no hint', '{ check __typename }', 'max-age=86400, public'],
    ['an answer with errors is not cacheable', '{ check fails }', 'no-store'],
  ];
  test.each(sameAsApollo)('%s: the same Cache-Control as Apollo’s per-field plugin', async (_name, query, expected) => {
    expect(await cacheControlOf('apollo', query)).toBe(expected);
    expect(await cacheControlOf('static', query)).toBe(expected);
  });

  test('fields that find no data still count: never longer-lived than Apollo’s, at most shorter', async () => {
    // Apollo counts only resolved fields: with no project, no `stage` (default 60) is resolved.
    const query = '{ check projects(empty: true) { id stage { name } } }';
    expect(await cacheControlOf('apollo', query)).toBe('max-age=3600, public');
    expect(await cacheControlOf('static', query)).toBe('max-age=60, public');
    const withProjects = '{ check projects { id stage { name } } }';
    expect(await cacheControlOf('apollo', withProjects)).toBe('max-age=60, public');
    expect(await cacheControlOf('static', withProjects)).toBe('max-age=60, public');
  });
});
