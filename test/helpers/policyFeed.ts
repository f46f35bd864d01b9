import path from 'node:path';
import { CONNECTOR_MANIFESTS_DIR } from '../../connectors';
import { isMalformed, type FeedOptions } from '../../samples/kit/feed';
import { DEFAULT_FEED_OPTIONS } from '../../samples/kit/feedServer';
import { policyDocumentsSample } from '../../samples/policy/documents';
import { policyInterpretationsSample } from '../../samples/policy/interpretations';
import { DOCUMENTS_PATH, INTERPRETATIONS_PATH } from '../../samples/policy/paths';
import { loadManifest } from '../../src/manifest/loadManifest';

/** The built-in policy manifest, loaded alone: the tests run it without the other connectors. */
export const POLICY_MANIFEST = path.join(CONNECTOR_MANIFESTS_DIR, 'policy', 'connector.yaml');
export const policyConnector = () => loadManifest(POLICY_MANIFEST).connector;

export const policyFeedOptions = (scale: number, edition = 1): FeedOptions => ({ ...DEFAULT_FEED_OPTIONS, scale, edition });

export interface SourceDocument {
  wjid: string;
  wjbt: string;
  fwjg: string;
  fwzh: string | null;
  fbrq: string;
  wjlx: string;
  sxzt: string;
  fzrq: string | null;
  zy: string;
  gxsj: string;
  ljdz: string;
}

export interface SourceInterpretation {
  jdid: string;
  jdbt: string;
  jdxs: string;
  glwjid: string;
  glwjzh: string | null;
  fbrq: string;
}

/**
 * The feed's valid records at an edition, read as a client reads them (every position), the
 * malformed share left out by the sample's own count: what the store should hold.
 */
export function sourceDocuments(o: FeedOptions): SourceDocument[] {
  const all = Array.from({ length: o.scale }, (_, i) => policyDocumentsSample.record(i, o) as SourceDocument);
  return all.filter((record) => !isMalformed(DOCUMENTS_PATH, Number(record.wjid.slice(4)) - 1, o));
}

export function sourceInterpretations(o: FeedOptions): SourceInterpretation[] {
  return Array.from({ length: o.scale }, (_, i) => i)
    .filter((i) => !isMalformed(INTERPRETATIONS_PATH, i, o))
    .map((i) => policyInterpretationsSample.record(i, o) as SourceInterpretation);
}
