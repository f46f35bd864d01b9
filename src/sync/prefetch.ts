/**
 * Iterates an async source one item ahead: while the caller works on a page (validating and
 * writing it), the next page is already being fetched. The engine waited on the network and the
 * database in turn; overlapping them is the cheapest speed-up a sync has (bench/). It holds at most
 * one extra page in memory.
 */
export async function* prefetching<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  // A failure of the page being fetched surfaces when the caller asks for it, not as an unhandled
  // rejection while the caller is still busy with the page before.
  pending.catch(() => undefined);
  try {
    for (;;) {
      const { value, done } = await pending;
      if (done) return;
      pending = iterator.next();
      pending.catch(() => undefined);
      yield value;
    }
  } finally {
    await iterator.return?.();
  }
}
