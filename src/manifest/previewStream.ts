import type { Reviewer } from '../review/reviewer';
import { createHttpClient } from '../sync/http/httpClient';
import { stateOfStatus } from '../domain/contract';
import { mapRecord, mappingTarget } from '../sync/mapRecord';
import type { DisclosureRow } from '../sync/normalize';
import type { Page } from '../sync/sources/source';
import { localFilePages } from '../sync/sources/localFile';
import type { MappingContext } from '../sync/stream';
import { validatorFor } from '../sync/validation';
import type { LoadedManifest } from './loadManifest';

export interface PreviewedRecord {
  /** Position in the page read, from 0. */
  index: number;
  /** Where the record failed, when it did: its schema, or its mapping. */
  stage?: 'validate' | 'map';
  problems?: string[];
  /** The disclosure as the hub would serve it, in the API's field names (personal fields left out). */
  disclosure?: Record<string, unknown>;
  /** The review rules that would hold it (保密审查), when any would. */
  heldBy?: string[];
}

export interface StreamPreview {
  stream: string;
  /** The URL or file the page came from. */
  from: string;
  error?: string;
  records: PreviewedRecord[];
}

export interface PreviewOptions {
  /** The connector's feed base URL; unused when `file` is given. */
  baseUrl?: string;
  file?: string;
  limit: number;
  mapping: MappingContext;
  review: Reviewer;
}

/**
 * What `hub connectors check` shows: the first `limit` records of a stream's first page (from its
 * source, or a sample file) through the same validation, mapping and review a sync applies, stored
 * nowhere. A data team sees its expressions' output before the first run writes anything.
 */
export async function previewStream(manifest: LoadedManifest, name: string, options: PreviewOptions): Promise<StreamPreview> {
  const stream = manifest.connector.streams.find((s) => s.name === name)!;
  const full = `${manifest.connector.name}/${name}`;
  const from = options.file ?? `${options.baseUrl}${manifestPath(manifest, name)}`;
  let page: Page | undefined;
  try {
    page = await firstPage(options.file ? localFilePages(options.file) : stream.source.pages({ baseUrl: options.baseUrl!, http: createHttpClient({ attempts: 2 }), signal: AbortSignal.timeout(30_000) }));
  } catch (error) {
    return { stream: full, from, error: (error as Error).message, records: [] };
  }
  const validate = validatorFor(stream.schema);
  const target = mappingTarget(manifest.connector, stream);
  const records: PreviewedRecord[] = [];
  for (const [index, record] of (page?.records ?? []).slice(0, options.limit).entries()) {
    const errors = validate(record);
    if (errors.length) {
      records.push({ index, stage: 'validate', problems: errors.map((e) => `${e.path || '/'}: ${e.message}`) });
      continue;
    }
    try {
      const outcome = options.review(await mapRecord(target, record, options.mapping));
      records.push({ index, disclosure: previewOf(outcome.row), heldBy: outcome.findings.length ? [...new Set(outcome.findings.map((f) => f.rule))] : undefined });
    } catch (error) {
      records.push({ index, stage: 'map', problems: [(error as Error).message] });
    }
  }
  return { stream: full, from, records };
}

/** The row as the API would show it, in its field names; personal fields are never shown. */
function previewOf(row: DisclosureRow): Record<string, unknown> {
  return {
    key: row.source_key,
    kind: row.kind,
    title: row.title,
    publisher: row.publisher,
    region: row.region,
    publishedAt: row.published_at,
    updatedAt: row.source_updated_at,
    status: stateOfStatus(row.status),
    subject: row.subject_name === null ? null : { name: row.subject_name, uscc: row.subject_uscc, usccValid: row.subject_uscc_valid },
    parties: row.parties.map(({ role, name, uscc }) => ({ role, name, uscc })),
    sourceUrl: row.source_url,
    attributes: row.attributes,
    links: row.links ?? [],
  };
}

async function firstPage(pages: AsyncIterable<Page>): Promise<Page | undefined> {
  for await (const page of pages) return page;
  return undefined;
}

function manifestPath(manifest: LoadedManifest, name: string): string {
  return manifest.streams.find((s) => s.declared.name === name)?.declared.source.path ?? '';
}
