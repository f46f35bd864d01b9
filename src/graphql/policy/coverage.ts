import type { Knex } from 'knex';
import { INTERPRETS, POLICY, POLICY_DOCUMENT_TYPES } from '../../domain/contract';
import { badInput } from '../shared/badInput';

export interface CoverageArgs {
  year?: number | null;
  department?: string | null;
  documentType?: string | null;
}

/** One department's figures, with the records the lists name as ids (resolved by the loaders). */
export interface DepartmentCoverage {
  department: string;
  documents: number;
  interpreted: number;
  share: number;
  daysToFirstInterpretation: { average: number | null; median: number | null; max: number | null };
  interpretedBeforeDocumentCount: number;
  early: Array<{ interpretationId: number; documentId: number; daysEarly: number }>;
  uninterpretedIds: number[];
}

const DOCUMENT_TYPES: readonly string[] = Object.values(POLICY_DOCUMENT_TYPES);

/** A day in China time: the calendar the platform dates documents in. */
const CHINA_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The selected documents, each interpretation that links to one (its days after it: negative when
 * published before), then per document its first interpretation, then per department the figures
 * and the early interpretations.
 * Interpretations' links are expanded and joined to the documents on (stream, key): a hash join,
 * one pass over each kind whatever the filters, rather than a containment probe per document.
 * Kinds and relation come from the POLICY contract.
 */
const COVERAGE_SQL = (documentFilters: string) => `
WITH docs AS (
  SELECT d.id, d.stream, d.source_key, coalesce(d.publisher, '') AS department, ${CHINA_DAY('d.published_at')} AS published_on
  FROM disclosures d
  WHERE d.kind = :documentKind ${documentFilters}
),
links AS (
  SELECT docs.id AS document_id, docs.department, docs.published_on, i.id AS interpretation_id,
         ${CHINA_DAY('i.published_at')} - docs.published_on AS days
  FROM disclosures i
  CROSS JOIN LATERAL jsonb_array_elements(i.links) AS l(link)
  JOIN docs ON docs.stream = l.link->>'stream' AND docs.source_key = l.link->>'key'
  WHERE i.kind = :interpretationKind AND i.links IS NOT NULL AND l.link->>'relation' = :relation
),
per_document AS (
  SELECT docs.id, docs.department, docs.published_on, min(links.days) AS first_days
  FROM docs LEFT JOIN links ON links.document_id = docs.id
  GROUP BY docs.id, docs.department, docs.published_on
),
figures AS (
  SELECT department,
    count(*) AS documents,
    count(first_days) AS interpreted,
    avg(first_days) FILTER (WHERE first_days >= 0) AS average_days,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY first_days) FILTER (WHERE first_days >= 0) AS median_days,
    max(first_days) FILTER (WHERE first_days >= 0) AS max_days,
    coalesce(array_agg(id ORDER BY published_on, id) FILTER (WHERE first_days IS NULL), '{}') AS uninterpreted_ids
  FROM per_document
  GROUP BY department
),
early AS (
  SELECT department, jsonb_agg(jsonb_build_array(interpretation_id, document_id, -days) ORDER BY published_on, document_id, interpretation_id) AS early
  FROM links
  WHERE days < 0
  GROUP BY department
)
SELECT figures.*, coalesce(early.early, '[]'::jsonb) AS early
FROM figures LEFT JOIN early ON early.department = figures.department`;

/** The coverage by department, most documents first, then by name (the same order on both backends). */
export async function interpretationCoverage(knex: Knex, args: CoverageArgs): Promise<DepartmentCoverage[]> {
  const filters: string[] = [];
  const bindings: Record<string, unknown> = { documentKind: POLICY.kinds.document, interpretationKind: POLICY.kinds.interpretation, relation: INTERPRETS };
  if (args.year !== undefined && args.year !== null) {
    const [from, to] = yearRange(args.year);
    filters.push('AND d.published_at >= :from AND d.published_at < :to');
    Object.assign(bindings, { from, to });
  }
  const department = args.department?.trim();
  if (department) {
    filters.push('AND d.publisher = :department');
    bindings.department = department;
  }
  if (args.documentType !== undefined && args.documentType !== null) {
    filters.push(`AND d.attributes->>'documentType' = :documentType`);
    bindings.documentType = requireDocumentType(args.documentType);
  }
  const result = await knex.raw(COVERAGE_SQL(filters.join(' ')), bindings);
  return (result.rows as any[]).map(departmentCoverage).sort((a, b) => b.documents - a.documents || (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
}

function departmentCoverage(row: any): DepartmentCoverage {
  const documents = Number(row.documents);
  const interpreted = Number(row.interpreted);
  const early = (typeof row.early === 'string' ? JSON.parse(row.early) : row.early) as Array<[number | string, number | string, number]>;
  return {
    department: row.department,
    documents,
    interpreted,
    share: interpreted / documents,
    daysToFirstInterpretation: {
      average: row.average_days === null ? null : Number(row.average_days),
      median: row.median_days === null ? null : Number(row.median_days),
      max: row.max_days === null ? null : Number(row.max_days),
    },
    interpretedBeforeDocumentCount: early.length,
    early: early.map(([interpretationId, documentId, daysEarly]) => ({ interpretationId: Number(interpretationId), documentId: Number(documentId), daysEarly: Number(daysEarly) })),
    uninterpretedIds: idList(row.uninterpreted_ids),
  };
}

/** An array column as the drivers give it: a JavaScript array, or PostgreSQL's text form `{1,2}`. */
function idList(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number);
  const text = String(value ?? '{}').replace(/[{}]/g, '');
  return text ? text.split(',').map(Number) : [];
}

/** The first moment of a China-time year and of the next, as instants. */
function yearRange(year: number): [Date, Date] {
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw badInput(`"year" should be a year such as 2025, not ${year}`);
  const chinaMidnight = (y: number) => new Date(Date.UTC(y, 0, 1) - 8 * 3600 * 1000);
  return [chinaMidnight(year), chinaMidnight(year + 1)];
}

function requireDocumentType(value: string): string {
  const type = value.trim();
  if (!DOCUMENT_TYPES.includes(type)) throw badInput(`"documentType" should be one of ${DOCUMENT_TYPES.join(', ')}, not "${value}"`);
  return type;
}
