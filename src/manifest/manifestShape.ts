import { Type, type Static, type TUnsafe } from '@sinclair/typebox';
import { DOMAINS } from '../domain/contract/domainContract';
import { STATUS_STATES } from '../domain/contract/status';

/**
 * The shape of a connector manifest (`connectors/<name>/connector.yaml`, or a file in
 * HUB_CONNECTORS_DIR): a feed declared instead of coded. A manifest is checked against this
 * schema first, every error reported with its line and column; the loader (loadManifest.ts) then
 * checks what a schema cannot (expressions, cron, the record schema file, the domain's contract).
 * docs/manifests.md describes every field for the data teams who write them.
 */

const NAME = '^[a-z][a-z0-9-]*$';

/** A string from a list, as one `enum`: ajv then reports one error listing the values, not one per value. */
function OneOf<const V extends readonly string[]>(values: V, description?: string): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

/** A JSONata expression over one source record (https://docs.jsonata.org), e.g. `wjbt` or `$trim(fwjg)`. */
const Expression = Type.String({ minLength: 1, description: 'a JSONata expression over one source record' });

const JsonPagesSource = Type.Object(
  {
    format: Type.Literal('json', { description: 'paged JSON over HTTP' }),
    path: Type.String({ pattern: '^/', description: "the path under the connector's base URL, starting with /" }),
    paging: Type.Optional(OneOf(['page', 'offset', 'next'])),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    sinceParam: Type.Optional(Type.String({ minLength: 1 })),
    recordsField: Type.Optional(Type.String({ minLength: 1 })),
    totalField: Type.Optional(Type.String({ minLength: 1 })),
    nextField: Type.Optional(Type.String({ minLength: 1 })),
    pageParam: Type.Optional(Type.String({ minLength: 1 })),
    offsetParam: Type.Optional(Type.String({ minLength: 1 })),
    sizeParam: Type.Optional(Type.String({ minLength: 1 })),
    query: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);

const CsvSource = Type.Object(
  {
    format: Type.Literal('csv', { description: 'one CSV export over HTTP' }),
    path: Type.String({ pattern: '^/', description: "the path under the connector's base URL, starting with /" }),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    encoding: Type.Optional(Type.String({ minLength: 1, description: 'a text encoding such as utf-8 or gbk' })),
  },
  { additionalProperties: false },
);

const Mapping = Type.Object(
  {
    title: Expression,
    publishedAt: Expression,
    status: Expression,
    updatedAt: Type.Optional(Expression),
    publisher: Type.Optional(Expression),
    region: Type.Optional(Expression),
    subject: Type.Optional(Expression),
    parties: Type.Optional(Expression),
    attributes: Type.Optional(Expression),
    searchText: Type.Optional(Expression),
    sourceUrl: Type.Optional(Expression),
    personal: Type.Optional(Expression),
  },
  { additionalProperties: false },
);

/** The unified model's fields a mapping can give, as the shape above declares them. */
export type MappedField = keyof Static<typeof Mapping>;
export const MAPPED_FIELDS = Object.keys(Mapping.properties) as MappedField[];

const Link = Type.Object(
  {
    relation: Type.String({ pattern: NAME, description: 'a relation name such as interprets' }),
    stream: Type.String({ pattern: '^[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)?$', description: 'the linked stream, as <stream> of this connector or <connector>/<stream>' }),
    key: Expression,
  },
  { additionalProperties: false },
);

export const ReconcileObject = Type.Object({ schedule: Type.String({ minLength: 1 }), windowDays: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

/**
 * A source is checked in two steps: its `format` here, then the rest against that format's shape
 * (SOURCE_SHAPES), so a mistake in a CSV source is not also reported against the JSON one.
 */
const SourceFormat = Type.Object({ format: OneOf(['json', 'csv'], 'json (paged JSON over HTTP) or csv (one CSV export)') });
export const SOURCE_SHAPES = { json: JsonPagesSource, csv: CsvSource } as const;

const Stream = Type.Object(
  {
    name: Type.String({ pattern: NAME, description: 'lower-case letters, digits and dashes' }),
    description: Type.Optional(Type.String()),
    kind: Type.String({ pattern: NAME, description: 'the kind of disclosure every record becomes, such as policy-document' }),
    source: Type.Intersect([SourceFormat, Type.Unsafe<Static<typeof JsonPagesSource> | Static<typeof CsvSource>>({})]),
    schema: Type.Unsafe<string | Record<string, unknown>>({ type: ['string', 'object'], description: 'a JSON Schema file beside the manifest, or an inline JSON Schema' }),
    key: Expression,
    cursor: Type.Optional(Expression),
    mode: Type.Optional(OneOf(['incremental', 'snapshot'])),
    removedStatus: Type.Optional(OneOf(Object.keys(STATUS_STATES) as Array<keyof typeof STATUS_STATES>)),
    schedule: Type.Optional(Type.String({ minLength: 1 })),
    lookBackHours: Type.Optional(Type.Number({ minimum: 0 })),
    reconcile: Type.Optional(Type.Unsafe<'off' | Static<typeof ReconcileObject>>({ type: ['string', 'object'], description: '"off" or {schedule, windowDays}' })),
    mapping: Mapping,
    links: Type.Optional(Type.Array(Link)),
  },
  { additionalProperties: false },
);

export const ManifestShape = Type.Object(
  {
    connector: Type.String({ pattern: NAME, description: 'the connector name: lower-case letters, digits and dashes' }),
    domain: OneOf(DOMAINS),
    description: Type.Optional(Type.String()),
    streams: Type.Array(Stream, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type Manifest = Static<typeof ManifestShape>;
export type ManifestStream = Manifest['streams'][number];
export type ManifestSource = ManifestStream['source'];
export type ManifestMapping = ManifestStream['mapping'];
export type ManifestLink = NonNullable<ManifestStream['links']>[number];
