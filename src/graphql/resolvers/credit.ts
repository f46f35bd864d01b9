import type { HubContext } from '../context';
import { attributeList, renamedAttributes } from '../credit/attributes';
import { licenceScope, listingScope, penaltyScope, type CreditScope, type LicenceFilter, type ListingFilter, type PenaltyFilter } from '../credit/filters';
import { listDisclosures, type DisclosureListArgs } from '../queries/disclosureList';
import { attributeFields, disclosureFields, type DomainResolvers } from './disclosureFields';

/**
 * The fields licences and penalties share (the 双公示 decision template): the party, the decision
 * document, the authority and data source, remarks and the hub's warnings.
 */
const decisionFields = {
  ...disclosureFields,
  ...attributeFields('party', 'decision', 'content', 'validUntil', 'authority', 'dataSource', 'remarks'),
  warnings: attributeList('warnings'),
};

/** The fields both market-regulator lists share: the enterprise, the listing and its state. */
const listingFields = {
  ...disclosureFields,
  // The code is the record's subject (normalised, checked by the engine), not an attribute.
  enterprise: (row: any) => ({ ...row.attributes?.enterprise, uscc: row.subject_uscc ?? null }),
  listing: (row: any) => ({ reason: null, ...row.attributes?.listing }),
  state: (row: any) => (row.status === 'removed' ? 'REMOVED' : 'LISTED'),
};

type DomainArgs<F> = Omit<DisclosureListArgs, 'filter'> & { filter?: F | null };

/** A domain list: the shared keyset-paged connection, narrowed to one kind and its filter. */
function domainList<F>(toScope: (filter: F | null | undefined) => CreditScope) {
  return (_: unknown, { filter, ...args }: DomainArgs<F>, ctx: HubContext) => {
    const { filter: columns, scope } = toScope(filter);
    return listDisclosures(ctx.knex, { ...args, filter: columns }, scope);
  };
}

/** Enterprise credit publicity (信用信息公示): licences, penalties, abnormal operations, serious violations. */
export const creditResolvers: DomainResolvers = {
  typesByKind: {
    'administrative-licence': 'AdministrativeLicence',
    'administrative-penalty': 'AdministrativePenalty',
    'abnormal-operation': 'AbnormalOperationListing',
    'serious-violation': 'SeriousViolationListing',
  },
  resolvers: {
    AdministrativeLicence: {
      ...decisionFields,
      ...attributeFields('category', 'validFrom'),
      ...renamedAttributes({ documentName: ['decision', 'documentName'], certificateName: ['licence', 'name'], licenceNumber: ['licence', 'number'] }),
    },
    AdministrativePenalty: {
      ...decisionFields,
      ...attributeFields('caseName', 'violationType', 'facts', 'basis', 'fine', 'confiscation', 'suspendedOrRevokedLicence', 'publicityUntil'),
      categories: attributeList('categories'),
    },
    AbnormalOperationListing: { ...listingFields, ...attributeFields('removal') },
    SeriousViolationListing: listingFields,
    Query: {
      penalties: domainList<PenaltyFilter>(penaltyScope),
      licences: domainList<LicenceFilter>(licenceScope),
      abnormalOperations: domainList<ListingFilter>((f) => listingScope('abnormal-operation', f)),
      seriousViolations: domainList<ListingFilter>((f) => listingScope('serious-violation', f)),
    },
  },
};
