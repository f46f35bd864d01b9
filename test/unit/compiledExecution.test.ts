import { execute, parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema } from '../../src/graphql/schema';
import { connectionOf, resolveLazyConnectionFields } from '../../src/graphql/shared/connection';
import { compiledExecution } from '../../src/server/compiledExecution';
import { portalQueries } from '../helpers/portalQueries';

describe('the direct path runs accepted documents compiled', () => {
  test('every query the portal sends compiles: none of its pages falls back to graphql-js', () => {
    const schema = buildSchema();
    const queries = Object.entries(portalQueries());
    expect(queries.length).toBeGreaterThan(8);
    const notCompiled = queries.filter(([, query]) => !compiledExecution(schema, parse(query), undefined).compiled).map(([name]) => name);
    expect(notCompiled).toEqual([]);
  });

  /** A connection as the hub serves one: its count and cursors are functions, called only when selected. */
  const schema = resolveLazyConnectionFields(
    makeExecutableSchema({
      typeDefs: `
        type Query { items(first: Int!): ItemConnection! }
        type ItemConnection { totalCount: Int! pageInfo: PageInfo! edges: [ItemEdge!]! }
        type PageInfo { hasNextPage: Boolean! endCursor: String }
        type ItemEdge { cursor: String! node: Item! }
        type Item { id: ID! }`,
      resolvers: {
        Query: {
          items: (_: unknown, { first }: { first: number }, counted: { count: number }) =>
            connectionOf([1, 2, 3], first, (id) => ({ id: String(id) }), (id) => `c${id}`, async () => (++counted.count, 3)),
        },
      },
    }),
  );
  const PAGE = `query Page($first: Int!) { items(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;

  test("a connection's count and cursors are answered compiled as graphql-js answers them", async () => {
    const document = parse(PAGE);
    const direct = compiledExecution(schema, document, undefined);
    expect(direct.compiled).toBe(true);
    const compiled = await direct.run({ count: 0 }, { first: 2 });
    const reference = await execute({ schema, document, variableValues: { first: 2 }, contextValue: { count: 0 } });
    expect(compiled).toEqual({ data: { items: { totalCount: 3, pageInfo: { hasNextPage: true, endCursor: 'c2' }, edges: [{ cursor: 'c1', node: { id: '1' } }, { cursor: 'c2', node: { id: '2' } }] } } });
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
  });

  test('a count no query selects is not counted', async () => {
    const counted = { count: 0 };
    const page = await compiledExecution(schema, parse(`{ items(first: 2) { edges { node { id } } } }`), undefined).run(counted, undefined);
    expect(page).toEqual({ data: { items: { edges: [{ node: { id: '1' } }, { node: { id: '2' } }] } } });
    expect(counted.count).toBe(0);
  });

  test('the document Apollo validated is left as it was: graphql-jit marks a copy', () => {
    const document = parse(PAGE);
    const before = JSON.stringify(document);
    compiledExecution(schema, document, undefined);
    expect(JSON.stringify(document)).toBe(before);
  });
});
