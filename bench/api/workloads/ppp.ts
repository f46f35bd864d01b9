import { PAGE, pageVariants, type PagedList } from './pages';
import { pageDigest, rowsOf, type Workload } from '../workload';

const KIND = 'ppp-project';

/**
 * The PPP project list, most recently initiated first, a different page on each request. The
 * hub's stage filter reads a path inside `attributes`, which PostGraphile v4's conditions cannot
 * (they test whole columns), so the variants are pages (`after`, as for the list workload) rather
 * than stages. PostGraphile lists the same rows by kind and returns `attributes` whole (as a JSON
 * string, its default): the fields the hub shapes from it (stage, location, investment, modes) are
 * in there, so its answers are larger and the client is left to pick them out.
 */
const PAGES: PagedList = {
  walk: {
    hub: `query Walk($first: Int, $after: String) { pppProjects(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    postgraphile: `query Walk($first: Int, $after: Cursor) {
  allDisclosures(first: $first, after: $after, condition: { kind: "${KIND}" }, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`,
  },
  path: { hub: 'pppProjects', postgraphile: 'allDisclosures' },
  key: (node) => String(node.id),
};

/** PostGraphile v4 serves a json column as a string unless told otherwise (dynamicJson), as here. */
const attributesOf = (row: { attributes: unknown }): any => (typeof row.attributes === 'string' ? JSON.parse(row.attributes) : row.attributes);

export const ppp: Workload = {
  name: 'ppp',
  graphql: {
    hub: `query PppProjects($after: String) {
  pppProjects(first: ${PAGE}, after: $after) {
    edges { node { id title projNo stage { code name } location { city district } totalInvestment operateMode { name } returnMode { name } initiatedOn } }
  }
}`,
    postgraphile: `query PppProjects($after: Cursor) {
  allDisclosures(first: ${PAGE}, after: $after, condition: { kind: "${KIND}" }, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { nodes { id title attributes } }
}`,
  },
  variants: (source) => pageVariants(source, PAGES, { hub: {}, postgraphile: {} }),
  // `names` carries each project's stage code: what both servers can show of a project's own fields.
  digest: (target, data) =>
    pageDigest(rowsOf(target === 'hub' ? data.pppProjects : data.allDisclosures), (r) => (target === 'hub' ? r.stage.code : (attributesOf(r)?.stage?.code ?? null))),
};
