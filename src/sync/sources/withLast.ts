/**
 * Each item with whether it is the last, which is known only once the next one arrives: the
 * item is held back until then. For checks only the last item of a text needs, like a row the
 * text breaks off in.
 */
export async function* withLast<T>(items: AsyncIterable<T>): AsyncIterable<{ value: T; last: boolean }> {
  let held: { value: T } | undefined;
  for await (const value of items) {
    if (held) yield { value: held.value, last: false };
    held = { value };
  }
  if (held) yield { value: held.value, last: true };
}
