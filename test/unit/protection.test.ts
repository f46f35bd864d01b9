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
  const one = [{ name: 'admin', token: 's3cret' }];
  const granted = (name: string) => ({ state: 'granted', name });

  test('grants only the exact token, and nothing when none is configured', () => {
    expect(adminAccess('Bearer s3cret', one)).toEqual(granted('admin'));
    expect(adminAccess('bearer   s3cret ', one)).toEqual(granted('admin'));
    expect(adminAccess('Bearer s3cre', one)).toEqual({ state: 'wrong' });
    expect(adminAccess('Bearer s3cret-and-more', one)).toEqual({ state: 'wrong' });
    expect(adminAccess(undefined, one)).toEqual({ state: 'missing' });
    expect(adminAccess('Basic abc', one)).toEqual({ state: 'missing' });
    expect(adminAccess('Bearer anything', [])).toEqual({ state: 'disabled' });
  });

  test('names the admin whose token it is', () => {
    const admins = [
      { name: 'zhangwei', token: 'tok-zw-1' },
      { name: '李娜', token: 'tok-ln-2' },
    ];
    expect(adminAccess('Bearer tok-ln-2', admins)).toEqual(granted('李娜'));
    expect(adminAccess('Bearer tok-zw-1', admins)).toEqual(granted('zhangwei'));
    expect(adminAccess('Bearer tok-zw-2', admins)).toEqual({ state: 'wrong' });
  });
});
