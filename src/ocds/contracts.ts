import type { TradingContract } from '../domain/trading';
import { compact, nonEmpty, orAbsent } from './compact';
import type { Contract, Document, Milestone } from './types';
import { periodOf, valueOf } from './value';

/**
 * Contracts of a notice. Performance and acceptance (履约/验收) live under the contract's
 * `implementation`, as OCDS 1.1 has it: there is no top-level implementation block.
 */
export function contractsOf(
  contracts: readonly TradingContract[],
  documents: { contract?: Document[]; implementation?: Document[] } = {},
): Contract[] {
  return contracts.map((contract) =>
    compact<Contract>({
      id: contract.id,
      awardID: contract.awardID,
      status: contract.status,
      value: valueOf(contract.value),
      period: periodOf(contract.period),
      dateSigned: orAbsent(contract.dateSigned),
      implementation: implementationOf(contract, documents.implementation),
      documents: nonEmpty(documents.contract),
    }),
  );
}

function implementationOf(contract: TradingContract, documents: Document[] | undefined): Contract['implementation'] {
  const milestones = nonEmpty((contract.implementation?.milestones ?? []).map(milestoneOf));
  if (!milestones && !documents?.length) return undefined;
  return compact({ milestones, documents: nonEmpty(documents) });
}

function milestoneOf(m: NonNullable<TradingContract['implementation']>['milestones'][number]): Milestone {
  return compact<Milestone>({ id: m.id, title: m.title, type: m.type, status: m.status, dateMet: orAbsent(m.dateMet) });
}
