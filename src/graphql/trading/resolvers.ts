import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { selectedFieldsAt } from '../shared/selection';
import { normalizeLotCode, normalizeProjectCode, type TradingParty } from '../../domain/trading';
import type { HubContext } from '../context';
import { linkedEntity } from '../entity/loaders';
import { processKeyOf } from './loaders';
import { processAwards, processBuyer, processContracts, totalValue } from '../../domain/tradingProcessBlocks';
import { listTradingProcesses, type ProcessListArgs } from './processList';
import { GROUPED_FIELDS, type ProcessSummary } from './processSummaries';
import { servedProject, type ServedProject } from './project';
import type { ServedTradingNotice } from './served';

type Notices = ServedTradingNotice[];

/** A field of a process compiled from its notices, which load once per request for every process. */
function fromNotices<T>(compile: (notices: Notices) => T) {
  return async (process: ProcessSummary, _: unknown, ctx: HubContext): Promise<T> => compile(await ctx.loaders.trading.notices.load(process));
}

/** A field of a project compiled from the notices of all its lots, oldest first. */
function fromProjectNotices<T>(compile: (notices: Notices) => T) {
  return async (project: ServedProject, _: unknown, ctx: HubContext): Promise<T> => {
    const lists = await ctx.loaders.trading.notices.loadMany(project.lots);
    const notices = lists.flatMap((list) => (list instanceof Error ? [] : list));
    return compile(notices.sort((a, b) => new Date(a.publishedAt).getTime() - new Date(b.publishedAt).getTime()));
  };
}

async function tradingProcesses(_: unknown, args: ProcessListArgs, ctx: HubContext, info: GraphQLResolveInfo) {
  const fields = [...selectedFieldsAt(info, ['edges', 'node'])];
  // A page asking for no other field reads no JSON. Any other field (a block, or a notice below
  // whose `process` the page's rows answer) wants the whole row.
  const whole = fields.some((field) => !GROUPED_FIELDS.has(field));
  const connection = await listTradingProcesses(ctx.knex, args, { withBlocks: whole, field: info.fieldNodes[0] });
  // The page already holds each process's summary: a notice's `process` below it needs no query
  // of its own. A page of grouped fields only has no such notice (and keying each row costs).
  if (whole) for (const { node } of connection.edges) ctx.loaders.trading.process.prime(node, node);
  return connection;
}

/**
 * One process: the lot named, or the project's only process. A project of several lots needs the
 * lot: answering with one of them would look like the whole project.
 */
async function tradingProcess(_: unknown, args: { projectCode: string; lotCode?: string | null }, ctx: HubContext) {
  const projectCode = normalizeProjectCode(args.projectCode);
  if (!projectCode) return null;
  const lotCode = args.lotCode ? normalizeLotCode(args.lotCode) : '';
  if (lotCode) return ctx.loaders.trading.process.load({ projectCode, lotCode });
  const lots = await ctx.loaders.trading.projectProcesses.load(projectCode);
  if (lots.length <= 1) return lots[0] ?? null;
  throw new GraphQLError(
    `project ${projectCode} is divided into ${lots.length} lots (${lots.map((lot) => lot.lotCode).join(', ')}): ` +
      'give lotCode to choose one, or ask tradingProject(projectCode) for all of them',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

async function tradingProject(_: unknown, { projectCode }: { projectCode: string }, ctx: HubContext) {
  const code = normalizeProjectCode(projectCode);
  return code ? servedProject(await ctx.loaders.trading.projectProcesses.load(code)) : null;
}

async function projectOf(process: Pick<ProcessSummary, 'projectCode'>, _: unknown, ctx: HubContext) {
  return servedProject(await ctx.loaders.trading.projectProcesses.load(process.projectCode));
}

/**
 * Public resource trading (公共资源交易): notices (served as mapped, served.ts), contracting
 * processes derived from them (one per lot of a project), and the projects above the processes.
 */
export const tradingResolvers = {
  Query: { tradingProcesses, tradingProcess, tradingProject },
  TradingNotice: {
    process: (notice: ServedTradingNotice, _: unknown, ctx: HubContext) => ctx.loaders.trading.process.load(processKeyOf(notice)),
    project: projectOf,
  },
  // Only a valid code has an OCDS identifier, and only a valid code links to an entity.
  TradingParty: { entity: (party: TradingParty, _: unknown, ctx: HubContext) => linkedEntity(ctx, party.identifier?.id) },
  TradingProcess: {
    // '' groups the notices of an undivided project; the API says so with null.
    lotCode: (process: ProcessSummary) => process.lotCode || null,
    project: projectOf,
    notices: fromNotices((notices) => notices),
    // tradeType, buyer and contractValue are the summary's, compiled when the notices were written.
    awards: fromNotices(processAwards),
    contracts: fromNotices(processContracts),
  },
  TradingProject: {
    tradeType: fromProjectNotices((notices) => notices.at(-1)?.tradeType ?? null),
    buyer: fromProjectNotices(processBuyer),
    contractValue: fromProjectNotices((notices) => totalValue(processContracts(notices))),
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
