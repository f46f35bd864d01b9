import { normalizeProjectCode, type TradingParty } from '../../domain/trading';
import type { HubContext } from '../context';
import { linkedEntity } from '../entity/loaders';
import { processAwards, processBuyer, processContracts, totalValue } from './processBlocks';
import { listTradingProcesses, type ProcessListArgs } from './processList';
import type { ProcessSummary } from './processSummaries';
import type { ServedTradingNotice } from './served';

type Notices = ServedTradingNotice[];

/** A field of a process compiled from its notices, which load once per request for every process. */
function fromNotices<T>(compile: (notices: Notices) => T) {
  return async (process: ProcessSummary, _: unknown, ctx: HubContext): Promise<T> => compile(await ctx.loaders.trading.notices.load(process.projectCode));
}

async function tradingProcesses(_: unknown, args: ProcessListArgs, ctx: HubContext) {
  const connection = await listTradingProcesses(ctx.knex, args);
  // The page already holds each process's summary: a notice's `process` needs no query of its own.
  for (const { node } of connection.edges) ctx.loaders.trading.process.prime(node.projectCode, node);
  return connection;
}

function tradingProcess(_: unknown, { projectCode }: { projectCode: string }, ctx: HubContext) {
  const code = normalizeProjectCode(projectCode);
  return code ? ctx.loaders.trading.process.load(code) : null;
}

/**
 * Public resource trading (公共资源交易): notices (served as mapped, served.ts), and contracting
 * processes derived from them.
 */
export const tradingResolvers = {
  Query: { tradingProcesses, tradingProcess },
  TradingNotice: {
    process: (notice: ServedTradingNotice, _: unknown, ctx: HubContext) => ctx.loaders.trading.process.load(notice.projectCode),
  },
  // Only a valid code has an OCDS identifier, and only a valid code links to an entity.
  TradingParty: { entity: (party: TradingParty, _: unknown, ctx: HubContext) => linkedEntity(ctx, party.identifier?.id) },
  TradingProcess: {
    notices: fromNotices((notices) => notices),
    tradeType: fromNotices((notices) => notices.at(-1)?.tradeType ?? null),
    buyer: fromNotices(processBuyer),
    awards: fromNotices(processAwards),
    contracts: fromNotices(processContracts),
    contractValue: fromNotices((notices) => totalValue(processContracts(notices))),
  },
  // Enum values as stored.
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
};
