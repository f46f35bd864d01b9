/**
 * Polls until `check` returns a value (not undefined), for state that changes on its own: the
 * ceiling is generous for a busy machine, and the wait ends as soon as the state is reached.
 */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ceilingMs = 60000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + ceilingMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`waited ${ceilingMs} ms for ${what}${last ? `; last error: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
