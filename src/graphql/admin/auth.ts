import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { NamedAdmin } from '../../config/adminTokens';

/** Who a request (or a CLI command) is: a named admin, or why it is not one. */
export type AdminAccess = { state: 'granted'; name: string } | { state: 'missing' | 'wrong' | 'disabled' };

/** Checks `Authorization: Bearer <token>` against the configured admins' tokens. */
export function adminAccess(authorization: string | undefined, admins: readonly NamedAdmin[]): AdminAccess {
  return identifyAdmin(/^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1], admins);
}

/**
 * The admin a token belongs to. Both sides are hashed first so each comparison is constant-time
 * whatever the lengths, and every configured token is compared, so the time taken does not tell
 * which admin's token came nearest. With no admins configured nobody is admin.
 */
export function identifyAdmin(token: string | undefined, admins: readonly NamedAdmin[]): AdminAccess {
  if (!admins.length) return { state: 'disabled' };
  const presented = token?.trim();
  if (!presented) return { state: 'missing' };
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const given = digest(presented);
  let name: string | undefined;
  for (const admin of admins) {
    if (timingSafeEqual(given, digest(admin.token)) && name === undefined) name = admin.name;
  }
  return name === undefined ? { state: 'wrong' } : { state: 'granted', name };
}

/** The admin's name, or the refusal (401 without a token, 403 with a wrong one or none configured). */
export function requireAdmin(access: AdminAccess): string {
  if (access.state === 'granted') return access.name;
  const [message, code, status] =
    access.state === 'disabled'
      ? ['admin operations are disabled on this hub: the operator has set neither HUB_ADMIN_TOKENS nor HUB_ADMIN_TOKEN', 'FORBIDDEN', 403]
      : access.state === 'missing'
        ? ['admin operations need the header "Authorization: Bearer <token>" with an admin\'s token from HUB_ADMIN_TOKENS or HUB_ADMIN_TOKEN', 'UNAUTHENTICATED', 401]
        : ['the bearer token is not this hub\'s admin token', 'FORBIDDEN', 403];
  throw new GraphQLError(message, { extensions: { code, http: { status } } });
}
