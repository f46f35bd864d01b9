import { canonicalDocumentNumber, httpCsv, RECORD_STATUS_CODES_2016, stream } from '../../../src/connectorKit';
import { party2016 } from '../mapping/party2016';
import { penaltyDisclosure } from '../mapping/penalty';
import { present, required } from '../mapping/text';
import { penalty2016RowSchema, type Penalty2016Row } from './schema';

/**
 * The 2016-era penalty export, a GBK CSV file. It maps to the same unified penalty as the 2019
 * stream (mapping/penalty.ts); its own stream name keeps the two generations' keys apart. An
 * export is one file with no "since": every run reads all of it, and change detection makes the
 * unchanged rows cost nothing, so the stream declares no cursor.
 */
export const penalties2016 = stream<Penalty2016Row>({
  name: 'penalties-2016',
  schema: penalty2016RowSchema,
  key: (r) => `${required(r.CF_XZJG, 'CF_XZJG')}|${canonicalDocumentNumber(required(r.CF_WSH, 'CF_WSH'))}`,
  source: httpCsv({ path: '/credit/penalties-2016.csv', encoding: 'gbk' }),
  // An archive: it changes when a record is revoked or corrected, which a weekly read is enough for.
  schedule: '0 4 * * 0',
  toDisclosure: (r, context) => {
    const authority = { name: r.CF_XZJG.trim() };
    return penaltyDisclosure({
      party: party2016(r),
      documentNumber: r.CF_WSH,
      decisionDate: r.CF_JDRQ,
      updateTime: r.CF_SJC,
      caseName: present(r.CF_AJMC),
      facts: present(r.CF_SY),
      basis: present(r.CF_YJ),
      categories: [present(r.CF_CFLB1), present(r.CF_CFLB2)],
      content: present(r.CF_JG),
      authority,
      // The 2016 format has no data-source field: each authority reported its own decisions.
      dataSource: authority,
      remarks: present(r.BZ),
      state: present(r.CF_ZT),
      stateCodes: RECORD_STATUS_CODES_2016,
    }, context);
  },
});
