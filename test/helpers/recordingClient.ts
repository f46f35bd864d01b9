import { graphql } from './graphql';

/**
 * A GraphQL client for an API suite that keeps every response body, so the suite can end by
 * scanning all it was served (for personal information, say). `data` asserts success; `pageAll`
 * follows endCursor to the end and checks that no node comes twice and the count is `totalCount`.
 */
export function recordingClient(url: () => string) {
  const responses: string[] = [];

  async function ask(query: string, variables?: object) {
    const response = await graphql(url(), query, variables);
    responses.push(JSON.stringify(response.body));
    return response;
  }

  async function data(query: string, variables?: object) {
    const { status, body } = await ask(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  }

  async function pageAll(field: string, query: string, variables: object = {}, key = (n: any) => n.id as string) {
    const nodes: any[] = [];
    const seen = new Set<string>();
    let after: string | null = null;
    let totalCount = 0;
    let pages = 0;
    for (;;) {
      const page: any = (await data(query, { ...variables, after }))[field];
      totalCount = page.totalCount;
      pages++;
      for (const { node } of page.edges) {
        expect(seen.has(key(node))).toBe(false);
        seen.add(key(node));
        nodes.push(node);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(nodes).toHaveLength(totalCount);
    return { nodes, totalCount, pages };
  }

  return { responses, ask, data, pageAll };
}
