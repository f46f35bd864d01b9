import type { HubContext } from '../context';
import { interpretationCoverage, type CoverageArgs, type DepartmentCoverage } from './coverage';

type Early = DepartmentCoverage['early'][number];

/** 政策文件与解读: the coverage query; its records are served as GenericDisclosure like any manifest's. */
export const policyResolvers = {
  Query: {
    policyInterpretationCoverage: (_: unknown, args: CoverageArgs, ctx: HubContext) => interpretationCoverage(ctx.knex, args),
  },
  InterpretationCoverage: {
    interpretedBeforeDocument: (coverage: DepartmentCoverage) => coverage.early,
    uninterpreted: (coverage: DepartmentCoverage, _: unknown, ctx: HubContext) => ctx.loaders.disclosures.byId.loadMany(coverage.uninterpretedIds),
  },
  EarlyInterpretation: {
    interpretation: (early: Early, _: unknown, ctx: HubContext) => ctx.loaders.disclosures.byId.load(early.interpretationId),
    document: (early: Early, _: unknown, ctx: HubContext) => ctx.loaders.disclosures.byId.load(early.documentId),
  },
};
