import { Type, type Static } from '@sinclair/typebox';
import { enterpriseIdentifiedRule, listedEnterpriseProperties, listingProperties } from '../schemaFragments/listEntry';
import { nonBlank } from '../schemaFragments/sourceFields';

/** One entry of 严重违法失信企业名单. */
export const seriousViolationRecordSchema = Type.Object(
  {
    ...listedEnterpriseProperties,
    /** 列入严重违法失信企业名单原因. */
    SERILLREA: nonBlank('列入严重违法失信企业名单原因: why the enterprise was listed, not blank'),
    ...listingProperties('作出决定机关'),
  },
  {
    $comment:
      "One entry of the serious violations list (严重违法失信企业名单) kept by the market regulator, as the enterprise credit publicity system's data exchange names its fields. The list shows only current entries: an enterprise that leaves it is simply no longer served.",
    allOf: [enterpriseIdentifiedRule],
  },
);

export type SeriousViolationRecord = Static<typeof seriousViolationRecordSchema>;
