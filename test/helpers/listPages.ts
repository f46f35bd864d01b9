import type { Knex } from 'knex';
import { listDisclosures, type DisclosureListArgs } from '../../src/graphql/disclosures/list';
import type { ListScope } from '../../src/graphql/disclosures/listScope';

/**
 * A disclosure list read as a client pages it: `first` rows at a time, each page after the last
 * one's endCursor, until no page follows. The ids in order, and the total the pages counted.
 */
export async function allListPages(knex: Knex, args: DisclosureListArgs, scope?: ListScope): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listDisclosures(knex, { ...args, after }, scope);
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, total: await page.totalCount() };
    after = page.pageInfo.endCursor();
  }
  throw new Error('the pages never ended');
}
