import {
  formatChinaTime,
  httpPages,
  requireChinaTime,
  STATUS,
  type ConnectorDefinition,
  type GenericDisclosureInput,
  type StreamDefinition,
} from '../../src/connectorKit';
import recordSchema from './licences.schema.json';

/** One record of the sample feed /credit/licences, as licences.schema.json admits it. */
interface LicenceSourceRecord {
  XK_XDR_MC: string;
  XK_XDR_LB: string;
  XK_XDR_SHXYM?: string;
  XK_XDR_ZJLX?: string;
  XK_XDR_ZJHM?: string;
  XK_FRDB?: string;
  XK_FR_ZJHM?: string;
  XK_XKWS?: string;
  XK_WSH: string;
  XK_XKLB?: string;
  XK_XKZS?: string;
  XK_XKBH?: string;
  XK_NR?: string;
  XK_JDRQ: string;
  XK_YXQZ?: string;
  XK_YXQZI?: string;
  XK_XKJG: string;
  XK_XKJGDM?: string;
  XK_ZT?: string;
  XK_LYDW: string;
  XK_LYDWDM?: string;
  BZ?: string;
  SJC: string;
}

export const TWIN_KIND = 'bench-licence';

/**
 * The coded twin of the benchmark's manifest (licences.yaml): the same feed, schema, key, cursor
 * and source, and a mapping written in TypeScript that gives every record the disclosure the
 * manifest gives it (test/unit/manifestBenchTwin.test.ts compares them record by record). The
 * benchmark syncs both and compares their times, so what differs is only how the mapping runs.
 * It writes a kind of its own, as the manifest does, so both are served alike (GenericDisclosure).
 */
const licences: StreamDefinition<LicenceSourceRecord> = {
  name: 'licences',
  schema: recordSchema,
  key: (r) => `${r.XK_XKJG}|${r.XK_WSH}`,
  cursor: (r) => formatChinaTime(requireChinaTime(r.SJC, 'SJC')),
  source: httpPages({ path: '/credit/licences', pageSize: 500, sinceParam: 'since' }),
  lookBackMs: 24 * 3600 * 1000,
  toDisclosure: (r): GenericDisclosureInput => ({
    kind: TWIN_KIND,
    title: `${r.XK_XKJG}向${r.XK_XDR_MC}核发${r.XK_XKZS ?? ''}（${r.XK_WSH}）`,
    publishedAt: requireChinaTime(r.XK_JDRQ, 'XK_JDRQ'),
    updatedAt: requireChinaTime(r.SJC, 'SJC'),
    status: r.XK_ZT === '撤销' ? STATUS.revoked : r.XK_ZT === '注销' ? STATUS.cancelled : STATUS.published,
    publisher: r.XK_XKJG,
    subject: { name: r.XK_XDR_MC, uscc: r.XK_XDR_SHXYM ?? null },
    parties: [{ role: 'authority', name: r.XK_XKJG, uscc: r.XK_XKJGDM ?? null }],
    attributes: {
      holder: { name: r.XK_XDR_MC, category: r.XK_XDR_LB, legalRepresentative: r.XK_FRDB },
      decision: { documentName: r.XK_XKWS, documentNumber: r.XK_WSH, date: r.XK_JDRQ },
      category: r.XK_XKLB,
      licence: { name: r.XK_XKZS, number: r.XK_XKBH },
      content: r.XK_NR,
      validFrom: r.XK_YXQZ,
      validUntil: r.XK_YXQZI,
      authority: { name: r.XK_XKJG, uscc: r.XK_XKJGDM },
      dataSource: { name: r.XK_LYDW, uscc: r.XK_LYDWDM },
      state: r.XK_ZT,
      remarks: r.BZ,
    },
    searchText: [r.XK_XKZS, r.XK_NR, r.BZ],
    // A field the record leaves out is left out, as JSONata's object constructor does.
    personal: { idType: r.XK_XDR_ZJLX, idNumber: r.XK_XDR_ZJHM, legalRepresentativeIdNumber: r.XK_FR_ZJHM },
  }),
};

export const codedTwin: ConnectorDefinition = { name: 'bench-licences-coded', domain: 'CREDIT', streams: [licences], ownKinds: [TWIN_KIND] };
