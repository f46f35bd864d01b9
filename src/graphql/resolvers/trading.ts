import { normalizeProjectCode, type TradingContract, type TradingNoticeAttributes, type TradingParty } from '../../domain/trading';
import type { HubContext } from '../context';
import { tradingLoaders } from '../trading/loaders';
import { listTradingProcesses, TRADING_NOTICE_KIND, type ProcessListArgs, type ProcessSummary } from '../trading/processQueries';
import { processAwards, processBuyer, processContracts, totalValue } from '../trading/processBlocks';
import { attributeFields, disclosureFields, type DomainResolvers } from './disclosureFields';
import type { EntityView } from './entity';

type NoticeRow = { attributes: TradingNoticeAttributes };

/** A list block of a notice's attributes; older rows may lack it. */
const listAttribute = (name: keyof TradingNoticeAttributes) => (row: NoticeRow) => (row.attributes?.[name] as unknown[] | undefined) ?? [];

const noticesOf = (process: ProcessSummary, ctx: HubContext): Promise<NoticeRow[]> => tradingLoaders(ctx).notices.load(process.projectCode);

async function fromNotices<T>(process: ProcessSummary, ctx: HubContext, compile: (notices: NoticeRow[]) => T): Promise<T> {
  return compile(await noticesOf(process, ctx));
}

/** A party's entity: only a valid code links to one, exactly as a disclosure's subject does. */
async function partyEntity(party: TradingParty, ctx: HubContext): Promise<EntityView | null> {
  if (!party.identifier) return null;
  const entity = await ctx.loaders.entity.load(party.identifier.id);
  return entity ? { uscc: entity.uscc, name: entity.name, usccValid: true } : null;
}

async function tradingProcesses(_: unknown, args: ProcessListArgs, ctx: HubContext) {
  const connection = await listTradingProcesses(ctx.knex, args);
  // The page already holds each process's summary: a notice's `process` needs no query of its own.
  for (const { node } of connection.edges) tradingLoaders(ctx).process.prime(node.projectCode, node);
  return connection;
}

function tradingProcess(_: unknown, { projectCode }: { projectCode: string }, ctx: HubContext) {
  const code = normalizeProjectCode(projectCode);
  return code ? tradingLoaders(ctx).process.load(code) : null;
}

/** Public resource trading (公共资源交易): notices, and contracting processes derived from them. */
export const tradingResolvers: DomainResolvers = {
  typesByKind: { [TRADING_NOTICE_KIND]: 'TradingNotice' },
  resolvers: {
    Query: { tradingProcesses, tradingProcess },
    TradingNotice: {
      ...disclosureFields,
      ...attributeFields('noticeId', 'noticeType', 'ocdsTag', 'projectCode', 'projectName', 'tradeType', 'sourceAmountUnit', 'region', 'tender', 'amendment', 'cancellation', 'contact'),
      tenderers: listAttribute('tenderers'),
      awards: listAttribute('awards'),
      contracts: listAttribute('contracts'),
      parties: listAttribute('parties'),
      process: (row: NoticeRow, _: unknown, ctx: HubContext) => tradingLoaders(ctx).process.load(row.attributes.projectCode),
    },
    TradingNoticeContract: { awardId: (c: TradingContract) => c.awardID },
    TradingParty: { entity: (p: TradingParty, _: unknown, ctx: HubContext) => partyEntity(p, ctx) },
    TradingProcess: {
      notices: (p: ProcessSummary, _: unknown, ctx: HubContext) => noticesOf(p, ctx),
      tradeType: (p: ProcessSummary, _: unknown, ctx: HubContext) => fromNotices(p, ctx, (n) => n.at(-1)?.attributes.tradeType ?? null),
      buyer: (p: ProcessSummary, _: unknown, ctx: HubContext) => fromNotices(p, ctx, processBuyer),
      awards: (p: ProcessSummary, _: unknown, ctx: HubContext) => fromNotices(p, ctx, processAwards),
      contracts: (p: ProcessSummary, _: unknown, ctx: HubContext) => fromNotices(p, ctx, processContracts),
      contractValue: (p: ProcessSummary, _: unknown, ctx: HubContext) => fromNotices(p, ctx, (n) => totalValue(processContracts(n))),
    },
    TradingProcessConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
    TradingNoticeCategory: {
      TENDER: 'tender',
      QUALIFICATION: 'qualification',
      AMENDMENT: 'amendment',
      CANDIDATES: 'candidates',
      AWARD: 'award',
      CONTRACT: 'contract',
      IMPLEMENTATION: 'implementation',
      CANCELLATION: 'cancellation',
    },
    TradingTradeKind: {
      CONSTRUCTION: 'construction',
      GOVERNMENT_PROCUREMENT: 'governmentProcurement',
      LAND_USE_RIGHTS: 'landUseRights',
      PROPERTY_RIGHTS: 'propertyRights',
    },
    TradingProcessStage: {
      TENDER: 'tender',
      QUALIFICATION: 'qualification',
      AWARD: 'award',
      CONTRACT: 'contract',
      IMPLEMENTATION: 'implementation',
      CANCELLED: 'cancelled',
    },
  },
};
