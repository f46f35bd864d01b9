import { graphql } from './graphql';
import { waitFor } from './waitFor';

/**
 * What a running hub answers while its database is gone, and once it is back: shared by the
 * outage tests, whichever way they take the database away (a cut relay, a stopped server), so
 * both hold the hub to the same answers.
 */

/** A query no cache can answer (another search word each time): it needs the database. */
export const UNCACHED = `query($s: String) { disclosures(search: $s) { totalCount } }`;

/**
 * Waits for /readyz to say the database is gone, then checks every answer of an outage: readiness
 * 503 with the reason and since when, liveness still 200, GraphQL and OCDS 503 with Retry-After,
 * and nothing of the database's address or the driver's words in a public answer.
 */
export async function expectOutageAnswers(hubUrl: string, options: { goneAt: number; databasePort: number }): Promise<void> {
  const down = await waitFor('/readyz to answer 503', async () => {
    const response = await fetch(`${hubUrl}/readyz`);
    return response.status === 503 ? ((await response.json()) as any) : undefined;
  });
  expect(down).toEqual({ status: 'unavailable', failing: 'database', reason: expect.stringMatching(/database/), since: expect.any(String) });
  expect(Date.parse(down.since)).toBeGreaterThanOrEqual(options.goneAt - 1000);
  expect(JSON.stringify(down)).not.toContain(String(options.databasePort));
  expect((await fetch(`${hubUrl}/healthz`)).status).toBe(200);

  const query = await graphql(hubUrl, UNCACHED, { s: `outage-${Date.now()}` });
  expect({ status: query.status, body: query.body }).toEqual({
    status: 503,
    body: { data: null, errors: [expect.objectContaining({ message: 'the database is not reachable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } })] },
  });
  expect(Number(query.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(JSON.stringify(query.body)).not.toMatch(/ECONN|127\.0\.0\.1|terminated|shutting down|starting up|Knex/i);

  const ocds = await fetch(`${hubUrl}/ocds/releases.json?limit=1`);
  expect(ocds.status).toBe(503);
  expect(ocds.headers.get('retry-after')).toBeTruthy();
  expect(JSON.stringify(await ocds.json())).toMatch(/the database is not reachable/);
}

/** Waits for the hub to be ready again by itself, then checks that a query needing the database answers. */
export async function expectServingAgain(hubUrl: string): Promise<void> {
  await waitFor('/readyz to answer 200 again', async () => ((await fetch(`${hubUrl}/readyz`)).status === 200 ? true : undefined));
  const again = await graphql(hubUrl, UNCACHED, { s: `back-${Date.now()}` });
  expect([again.status, again.body.errors]).toEqual([200, undefined]);
}
