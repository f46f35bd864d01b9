/**
 * The hub's admins: each a name and a bearer token. A review decision is audited under the name,
 * so two admins must never share a token and one name must never stand for two people.
 */
export interface NamedAdmin {
  name: string;
  token: string;
}

/** The name HUB_ADMIN_TOKEN's one admin is known by (in the review audit, say). */
export const DEFAULT_ADMIN_NAME = 'admin';

/**
 * Names are what the audit log shows: letters in any script (张伟 is fine), digits and `_ . @ -`,
 * so a name can be an e-mail address or a staff number, but never hide a space or a separator.
 */
const NAME = /^[\p{L}\p{N}_.@-]{1,64}$/u;

/**
 * HUB_ADMIN_TOKENS (`name=token,name=token`) and HUB_ADMIN_TOKEN (one admin named `admin`), both
 * allowed at once. A token may contain `=` (base64 padding): only the first one separates. Every
 * mistake is refused with the entry's place, and never with a token in the message: the message
 * reaches logs and terminals.
 */
export function parseAdminTokens(env: NodeJS.ProcessEnv, fail: (message: string) => Error): NamedAdmin[] {
  const admins: NamedAdmin[] = [];
  const named = env.HUB_ADMIN_TOKENS?.trim();
  if (named) {
    named.split(',').forEach((raw, index) => admins.push(namedEntry(raw.trim(), index + 1, fail)));
  }
  const single = env.HUB_ADMIN_TOKEN?.trim();
  if (single) admins.push({ name: DEFAULT_ADMIN_NAME, token: single });
  refuseDuplicates(admins, fail);
  return admins;
}

function namedEntry(entry: string, place: number, fail: (message: string) => Error): NamedAdmin {
  const where = `HUB_ADMIN_TOKENS entry ${place}`;
  const shape = 'write name=token,name=token (e.g. HUB_ADMIN_TOKENS="zhangwei=…,lina=…")';
  if (!entry) throw fail(`${where} is empty: ${shape}, with no empty entry between commas`);
  const at = entry.indexOf('=');
  if (at < 0) throw fail(`${where} has no "=": ${shape}`);
  const name = entry.slice(0, at).trim();
  const token = entry.slice(at + 1).trim();
  if (!name) throw fail(`${where} has no name before "=": ${shape}`);
  if (!NAME.test(name)) {
    throw fail(`${where}: the name "${name.slice(0, 70)}" may hold only letters, digits and _ . @ - (at most 64): it is what the review audit log shows`);
  }
  if (!token) throw fail(`${where} (${name}) has no token after "=": ${shape}`);
  if (/\s/.test(token)) throw fail(`${where} (${name}): the token contains a blank; a bearer token is one word`);
  return { name, token };
}

function refuseDuplicates(admins: NamedAdmin[], fail: (message: string) => Error): void {
  const names = new Set<string>();
  const tokens = new Map<string, string>();
  for (const { name, token } of admins) {
    if (names.has(name)) {
      const hint = name === DEFAULT_ADMIN_NAME ? ` (HUB_ADMIN_TOKEN is the admin named "${DEFAULT_ADMIN_NAME}": name the HUB_ADMIN_TOKENS entry otherwise, or unset HUB_ADMIN_TOKEN)` : '';
      throw fail(`the admin name "${name}" is given twice${hint}: each admin needs a name of their own, so the audit log says who decided`);
    }
    const other = tokens.get(token);
    if (other !== undefined) {
      throw fail(`the admins "${other}" and "${name}" have the same token: give each admin a token of their own, so the audit log says who decided`);
    }
    names.add(name);
    tokens.set(token, name);
  }
}
