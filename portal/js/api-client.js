/**
 * The API client: the hub's public GraphQL API only (POST graphql, JSON), as any other portal would.
 * Every failure becomes a PortalError whose message a reader can act on.
 */
import { API_URL } from './settings.js';

class PortalError extends Error {
  /** `codes`: the API's error codes (extensions.code), so a caller can tell a refusal from a failure. */
  constructor(message, codes = []) {
    super(message);
    this.name = 'PortalError';
    this.codes = codes;
  }
}

/**
 * POSTs one operation; resolves with `data`, rejects with a readable Chinese message. `options`
 * lets a page outside the portal's root name the endpoint (`url`) and add `headers`.
 */
export async function gql(query, variables = {}, options = {}) {
  let response;
  try {
    response = await fetch(options.url || API_URL, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, options.headers),
      body: JSON.stringify({ query, variables }),
      credentials: 'same-origin',
    });
  } catch {
    throw new PortalError('无法连接到服务器，请检查网络后重试。');
  }
  const body = parsedOrNull(await response.text());
  if (body && body.errors && body.errors.length) {
    const messages = body.errors.map((e) => String((e && e.message) || '未知错误').trim());
    const codes = body.errors.map((e) => String((e && e.extensions && e.extensions.code) || ''));
    throw new PortalError('查询失败：' + messages.join('；'), codes);
  }
  if (!response.ok || !body || !body.data) {
    throw new PortalError('服务器暂时无法处理请求（HTTP ' + response.status + '），请稍后重试。');
  }
  return body.data;
}

/** A proxy's HTML error page is not JSON: that is reported by status, not as a parse error. */
function parsedOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What to tell the reader: our own messages as they are, anything unexpected marked as a page error. */
export function messageOf(error) {
  return error instanceof PortalError ? error.message : '页面出现错误：' + ((error && error.message) || String(error));
}
