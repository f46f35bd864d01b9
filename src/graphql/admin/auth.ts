import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

export type AdminAccess = 'granted' | 'missing' | 'wrong' | 'disabled';

/**
 * Checks `Authorization: Bearer <token>` against HUB_ADMIN_TOKEN. Both sides are hashed first so
 * the comparison is constant-time whatever the lengths; with no token configured nobody is admin.
 */
export function adminAccess(authorization: string | undefined, configuredToken: string | undefined): AdminAccess {
  if (!configuredToken) return 'disabled';
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!presented) return 'missing';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(configuredToken)) ? 'granted' : 'wrong';
}

export function requireAdmin(access: AdminAccess): void {
  if (access === 'granted') return;
  const [message, code, status] =
    access === 'disabled'
      ? ['admin operations are disabled on this hub: the operator has not set HUB_ADMIN_TOKEN', 'FORBIDDEN', 403]
      : access === 'missing'
        ? ['admin operations need the header "Authorization: Bearer <HUB_ADMIN_TOKEN>"', 'UNAUTHENTICATED', 401]
        : ['the bearer token is not this hub\'s admin token', 'FORBIDDEN', 403];
  throw new GraphQLError(message, { extensions: { code, http: { status } } });
}
