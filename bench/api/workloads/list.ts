import { pageVariants, type PagedList } from './pages';
import { pageDigest, rowsOf, subjectNameOf, type Workload } from '../workload';

/**
 * The portal's home page: 20 disclosures, newest first, with their subject's name, a different
 * page on each request. disclosures.entity_uscc → entities.uscc gives PostGraphile
 * entityByEntityUscc; the hub orders by (published_at DESC, id DESC), the disclosures_published
 * index, and PostGraphile is asked for the same order.
 *
 * Varied by page, through `after`: the first idea, a moving `publishedTo` bound, has no
 * counterpart in PostGraphile v4 without the connection-filter plugin (not installed), and an
 * `offset` would make PostGraphile count rows the hub skips by keyset. With each server's own cursor
 * for the same row, both seek by (published_at, id), as a visitor paging back does.
 */
const ROW = 'id title publishedAt';

export const LIST_PAGES: PagedList = {
  walk: {
    hub: `query Walk($first: Int, $after: String) { disclosures(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    postgraphile: `query Walk($first: Int, $after: Cursor) {
  allDisclosures(first: $first, after: $after, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`,
  },
  path: { hub: 'disclosures', postgraphile: 'allDisclosures' },
  key: (node) => String(node.id),
};

export const list: Workload = {
  name: 'list',
  graphql: {
    hub: `query LatestDisclosures($after: String) {
  disclosures(first: 20, after: $after) { edges { node { ${ROW} subject { name } } } }
}`,
    postgraphile: `query LatestDisclosures($after: Cursor) {
  allDisclosures(first: 20, after: $after, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { nodes { ${ROW} entityByEntityUscc { name } } }
}`,
  },
  variants: (source) => pageVariants(source, LIST_PAGES, { hub: {}, postgraphile: {} }),
  digest: (target, data) => pageDigest(rowsOf(target === 'hub' ? data.disclosures : data.allDisclosures), subjectNameOf(target)),
  caveat:
    'subject names may differ: the hub also names subjects whose code fails its check (from disclosures.subject_name); ' +
    'PostGraphile only follows the foreign key to entities.',
};
