import { Type, type Static } from '@sinclair/typebox';
import { enterpriseIdentifiedRule, listedEnterpriseProperties, listingProperties } from '../schemaFragments/listEntry';
import { nonBlank, nonBlankValue, optionalText } from '../schemaFragments/sourceFields';
import { Nullable } from '../../schemaTypes';

/** One listing of 经营异常名录, with its removal once the enterprise has been removed. */
export const abnormalOperationRecordSchema = Type.Object(
  {
    ...listedEnterpriseProperties,
    /** 列入经营异常名录原因. */
    SPECAUSE: nonBlank('列入经营异常名录原因: why the enterprise was listed, not blank'),
    ...listingProperties('作出决定机关（列入）'),
    /** 移出经营异常名录原因, 移出日期, 作出决定机关（移出）. */
    REMEXCPRES: Type.Optional(optionalText),
    REMDATE: Type.Optional(
      Nullable(
        Type.String({
          description: '移出日期: a date such as 2025-03-15, or blank while listed',
          if: { type: 'string', pattern: '\\S' },
          then: { format: 'date-cn' },
        }),
      ),
    ),
    REDECORG: Type.Optional(optionalText),
  },
  {
    $comment:
      "One listing of the abnormal operations list (经营异常名录) kept by the market regulator, as the enterprise credit publicity system's data exchange names its fields (STANDARDS.md §3). A removed listing carries its removal date, reason and deciding body in the same record: removal is a status change, not a new record.",
    allOf: [
      enterpriseIdentifiedRule,
      {
        description: 'A reason and a deciding body for a removed listing (REMDATE given): REMEXCPRES and REDECORG',
        if: { required: ['REMDATE'], properties: { REMDATE: nonBlankValue } },
        then: { required: ['REMEXCPRES', 'REDECORG'], properties: { REMEXCPRES: nonBlankValue, REDECORG: nonBlankValue } },
      },
    ],
  },
);

export type AbnormalOperationRecord = Static<typeof abnormalOperationRecordSchema>;
