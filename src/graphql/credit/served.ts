import { CREDIT } from '../../domain/contract';
import type { DisclosureRow } from '../disclosures/columns';
import { attributesNamed, listOf, servedAs, type ServedKinds } from '../disclosures/served';
import { listingState } from './listingState';

/**
 * Credit records as served: only `attributes` (the unified model the credit connector maps every
 * source into) is read. The `personal` column, where ID numbers are kept for matching, is never
 * selected by the API and never read here.
 */

/**
 * The fields licences and penalties share (the 双公示 decision template): the party, the decision
 * document, the authority and data source, remarks and the hub's warnings.
 */
function decisionFields(a: any, ...more: string[]) {
  return Object.assign(attributesNamed(a, 'party', 'decision', 'content', 'validUntil', 'authority', 'dataSource', 'remarks', ...more), {
    warnings: listOf(a.warnings),
  });
}

// Fields are assigned onto the named attributes, not spread together: spreads of many properties
// into one literal take V8's slow path, on every row a list serves (see servedAs).
const licence = servedAs('AdministrativeLicence', (a) =>
  Object.assign(decisionFields(a, 'category', 'validFrom'), {
    // Served under other names than stored.
    documentName: a.decision?.documentName ?? null,
    certificateName: a.licence?.name ?? null,
    licenceNumber: a.licence?.number ?? null,
  }),
);

const penalty = servedAs('AdministrativePenalty', (a) =>
  Object.assign(decisionFields(a, 'caseName', 'violationType', 'facts', 'basis', 'fine', 'confiscation', 'suspendedOrRevokedLicence', 'publicityUntil'), {
    categories: listOf(a.categories),
  }),
);

/** The fields both market-regulator lists share: the enterprise, the listing and its state. */
function listingFields(a: any, row: DisclosureRow) {
  return {
    // The code is the record's subject (normalised, checked by the engine), not an attribute.
    enterprise: Object.assign({}, a.enterprise, { uscc: row.subject_uscc ?? null }),
    listing: Object.assign({ reason: null }, a.listing),
    state: listingState(row.status),
  };
}

const abnormalOperation = servedAs('AbnormalOperationListing', (a, row) => Object.assign(listingFields(a, row), { removal: a.removal ?? null }));

const seriousViolation = servedAs('SeriousViolationListing', listingFields);

/** Enterprise credit publicity (信用信息公示): licences, penalties, abnormal operations, serious violations. */
export const servedCreditKinds: ServedKinds = {
  [CREDIT.kinds.licence]: licence,
  [CREDIT.kinds.penalty]: penalty,
  [CREDIT.kinds.abnormalOperation]: abnormalOperation,
  [CREDIT.kinds.seriousViolation]: seriousViolation,
};
