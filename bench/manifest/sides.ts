/**
 * The three ways of mapping the same feed the manifest benchmark compares, by the stream each
 * syncs: the coded twin (codedTwin.ts), the manifest (licences.yaml, quick-path expressions) and
 * the manifest with every mapping through JSONata (benchConnectors.ts loadJsonataVariant).
 */
export const MANIFEST_BENCH_SIDES = {
  coded: 'bench-licences-coded/licences',
  manifest: 'bench-licences/licences',
  jsonata: 'bench-licences-jsonata/licences',
} as const;
export type ManifestBenchSide = keyof typeof MANIFEST_BENCH_SIDES;

const STREAMS: ReadonlySet<string> = new Set(Object.values(MANIFEST_BENCH_SIDES));
export const isManifestBenchStream = (stream: string) => STREAMS.has(stream);
