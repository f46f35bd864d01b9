/** The admin GraphQL fields, asked with the bearer token; a refusal is told apart from a failure. */
import { gql } from '../../js/api-client.js';
import { ADMIN_API_URL } from './ops-settings.js';

/** The codes the hub's admin check answers with (src/graphql/admin/auth.ts). */
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN'];

export function adminGql(token, query, variables) {
  return gql(query, variables, { url: ADMIN_API_URL, headers: { authorization: 'Bearer ' + token } });
}

/** Whether the hub refused the token (missing, wrong, or admin switched off), not the query. */
export function isRefusal(error) {
  return Boolean(error && error.codes && error.codes.some((code) => REFUSALS.indexOf(code) !== -1));
}
