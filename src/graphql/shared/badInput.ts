import { GraphQLError } from 'graphql';

/**
 * An error the caller caused and can fix: its message says which argument was wrong and what it
 * should be. The BAD_USER_INPUT code keeps the message intact in production (protection.ts).
 */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
