import { GraphQLError } from 'graphql';
import { errorFormatter } from '../../src/graphql/protection';
import { adminAccess } from '../../src/graphql/admin/auth';

function captureLogger() {
  const entries: any[] = [];
  return { entries, logger: { error: (obj: unknown, msg: string) => entries.push({ obj, msg }) } as any };
}

describe('error masking', () => {
  test('in production an internal error becomes an id the logs can resolve, with no stack or message leak', () => {
    const { entries, logger } = captureLogger();
    const format = errorFormatter(logger, true);
    const internal = new GraphQLError('relation "secret_table" does not exist', { originalError: new Error('relation "secret_table" does not exist') });
    const out = format({ message: internal.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, internal);
    expect(out.message).toMatch(/^Internal error \(id [0-9a-f-]{36}\)/);
    expect(JSON.stringify(out)).not.toMatch(/secret_table|stacktrace/);
    expect(entries[0].obj.errorId).toBe(out.extensions!.errorId);
  });

  test('errors the client caused keep their message', () => {
    const format = errorFormatter(captureLogger().logger, true);
    const out = format({ message: '"first" must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } }, undefined);
    expect(out.message).toBe('"first" must be between 0 and 100');
  });
});

describe('admin token check', () => {
  test('grants only the exact token, and nothing when none is configured', () => {
    expect(adminAccess('Bearer s3cret', 's3cret')).toBe('granted');
    expect(adminAccess('bearer   s3cret ', 's3cret')).toBe('granted');
    expect(adminAccess('Bearer s3cre', 's3cret')).toBe('wrong');
    expect(adminAccess('Bearer s3cret-and-more', 's3cret')).toBe('wrong');
    expect(adminAccess(undefined, 's3cret')).toBe('missing');
    expect(adminAccess('Basic abc', 's3cret')).toBe('missing');
    expect(adminAccess('Bearer anything', undefined)).toBe('disabled');
  });
});
