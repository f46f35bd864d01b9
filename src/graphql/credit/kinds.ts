/** The stored kinds of the credit connector (connectors/credit), one GraphQL type each. */
export const CREDIT_KINDS = {
  licence: 'administrative-licence',
  penalty: 'administrative-penalty',
  abnormalOperation: 'abnormal-operation',
  seriousViolation: 'serious-violation',
} as const;

export type ListingKind = typeof CREDIT_KINDS.abnormalOperation | typeof CREDIT_KINDS.seriousViolation;
