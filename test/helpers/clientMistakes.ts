import { graphql } from './graphql';
import { callsWithAfter, callsWithEachStringArgument, unreachedFieldsWithArguments, type ArgumentCall } from './everyArgument';

/**
 * Checks shared by the production suite (apiProtection) and the development one (server, on
 * both backends): a client's mistake in an argument is answered as a field error the client can
 * act on (BAD_USER_INPUT, HTTP 200 as GraphQL over HTTP has it for field errors), whatever the
 * mode, never as an internal error and never with SQL or the driver's words.
 */

/** Words of SQL or of PostgreSQL's refusals, which a client must never see. */
export const SQL_TEXT = /\bselect\b[\s\S]*\bfrom\b|invalid byte sequence|invalid input syntax|out of range|timestamptz|\bbigint\b/i;

export const base64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * `after` values no list gave out: not base64 JSON, base64 of junk, and the shapes of real cursors
 * holding values the database would refuse (a loose time, year 0, an id past bigint, a fraction,
 * a NUL).
 */
export const CRAFTED_CURSORS: Record<string, string> = {
  'not base64': '!!!not a cursor',
  'base64 of text': base64url('junk'),
  'base64 of an object': base64url('{"after":1}'),
  'a time JavaScript reads and PostgreSQL does not': base64url(JSON.stringify([0, '1', 7])),
  'year 0': base64url(JSON.stringify([0, '0000-01-01T00:00:00.000Z', 7])),
  'an id past bigint': base64url(JSON.stringify([0, '2026-11-01T00:00:00.000Z', 1e300])),
  'a fractional rank': base64url(JSON.stringify([0.5, '2026-11-01T00:00:00.000Z', 7])),
  'a NUL in a code': base64url(JSON.stringify(['9113\u00000000'])),
  'a NUL in a project code': base64url(JSON.stringify(['2026-11-01T00:00:00.000Z', 'DQ\u0000', ''])),
};

/** Which kind of cursor a list gives out: lists of one kind accept each other's cursors. */
export function cursorKind(field: string): 'entities' | 'trading' | 'disclosures' {
  return field === 'Query.entities' ? 'entities' : field === 'Query.tradingProcesses' ? 'trading' : 'disclosures';
}

export { callsWithAfter, callsWithEachStringArgument, unreachedFieldsWithArguments };

/**
 * Sends each call and returns a line for every answer that is not one BAD_USER_INPUT error whose
 * message matches: an empty list means every call was answered as it should be.
 */
export async function answersOtherThanBadInput(url: string, calls: ArgumentCall[], message: (call: ArgumentCall) => RegExp, headers: Record<string, string> = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const call of calls) {
    const { status, body } = await graphql(url, call.query, call.variables, headers);
    const text = JSON.stringify(body);
    const error = body?.errors?.[0];
    const ok = status === 200 && body.errors.length === 1 && error?.extensions?.code === 'BAD_USER_INPUT' && message(call).test(error.message) && !SQL_TEXT.test(text);
    if (!ok) problems.push(`${call.field} ${call.argument}: ${status} ${text.slice(0, 300)}`);
  }
  return problems;
}

/** The message naming a refused NUL: `"filter.kind" contains…`, `"ids[0]" contains…`. */
export function nulMessageFor(call: ArgumentCall): RegExp {
  return new RegExp(`"${call.argument.replace(/\./g, '\\.')}(\\[0\\])?" contains a NUL character`);
}

export const CURSOR_REFUSED = /"after" is not a cursor this list gave out/;
