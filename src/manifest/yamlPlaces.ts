import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A line and column in a file, both from 1, as editors number them. */
export interface Place {
  line: number;
  column: number;
}

/** A parsed YAML file that can say where each of its values was written. */
export interface PlacedYaml {
  value: unknown;
  /** Syntax errors, each at its place; when there are any, `value` is not to be trusted. */
  syntaxErrors: Array<{ place: Place; message: string }>;
  /**
   * Where the value at `path` (JSON Pointer segments) was written; with `key`, where that key of
   * the map at `path` was written. A path that does not exist gives the nearest written ancestor,
   * so an error about a missing field points at the map that lacks it.
   */
  placeOf(path: ReadonlyArray<string | number>, key?: string): Place;
}

export function parsePlacedYaml(text: string): PlacedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxErrors = doc.errors.map((error) => ({ place: at(error.pos[0]), message: firstLine(error.message) }));
  return {
    value: syntaxErrors.length ? undefined : doc.toJS({ maxAliasCount: 100 }),
    syntaxErrors,
    placeOf(path, key) {
      let node: unknown = doc.contents;
      let place = at(rangeStart(node));
      for (const segment of path) {
        node = isSeq(node) ? node.items[Number(segment)] : pairOf(node, segment)?.value;
        if (!node) return place;
        place = at(rangeStart(node));
      }
      const pair = key === undefined ? undefined : pairOf(node, key);
      return pair ? at(rangeStart(pair.key)) : place;
    },
  };
}

function pairOf(node: unknown, key: string | number) {
  return isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key)) : undefined;
}

function rangeStart(node: unknown): number {
  return (node as Node | undefined)?.range?.[0] ?? 0;
}

/** yaml's messages add a code excerpt after the first line; the place says as much. */
function firstLine(message: string): string {
  return message.split('\n')[0];
}
