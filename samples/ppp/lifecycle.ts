import type { DateTime } from 'luxon';
import type { FeedOptions } from '../kit/feed';
import { random } from '../kit/random';
import { contactFor, type ProjectPlan } from './plan';
import { changeEditions, changeTime } from './editions';
import { PROJECTS_PATH } from '../../connectors/ppp/projects/path';
import { STAGE } from './stages';

/** What moves in a project's record between editions of the library. */
export interface ProjectState {
  stage: number;
  contact: { name: string; phone: string };
  /** Procured partners, listed from execution on. */
  partners: ProjectPlan['partners'];
  contractSignedOn?: DateTime;
  updatedAt: DateTime;
}

/**
 * The project as the library shows it at an edition: its state when first listed, then each of
 * its changes in order. A change advances the stage (识别 → 准备 → 采购 → 执行, and 执行 → 移交 once
 * the term is over); a project that cannot advance gets a new contact person instead, as happens
 * when staff move on. Either way every change is a real change of the record.
 */
export function stateAt(plan: ProjectPlan, o: Pick<FeedOptions, 'seed' | 'scale' | 'edition'>): ProjectState {
  let state = initialState(plan, o);
  for (const edition of changeEditions(plan.index, o)) {
    state = change(plan, state, changeTime(plan.index, edition, o), edition, o.seed);
  }
  return state;
}

function initialState(plan: ProjectPlan, o: Pick<FeedOptions, 'seed' | 'scale'>): ProjectState {
  const executing = plan.initialStage >= STAGE.execution;
  return {
    stage: plan.initialStage,
    contact: contactFor(plan.region, random(o.seed, PROJECTS_PATH, 'contact', plan.index, 1), o.seed),
    partners: executing ? plan.partners : [],
    contractSignedOn: executing ? plan.initialContractSignedOn : undefined,
    updatedAt: changeTime(plan.index, 1, { ...o, edition: 1 }),
  };
}

function change(plan: ProjectPlan, state: ProjectState, at: DateTime, edition: number, seed: number): ProjectState {
  const r = random(seed, PROJECTS_PATH, 'change', plan.index, edition);
  const next = { ...state, updatedAt: at };
  if (state.stage < STAGE.procurement) return { ...next, stage: state.stage + 1 };
  // The procurement ends with the contract: the partners and the signing date appear with 执行.
  if (state.stage === STAGE.procurement) {
    return { ...next, stage: STAGE.execution, partners: plan.partners, contractSignedOn: at.minus({ days: r.int(2, 30) }).startOf('day') };
  }
  if (state.stage === STAGE.execution && termOver(plan, state, at)) return { ...next, stage: STAGE.handover };
  return { ...next, contact: contactFor(plan.region, r, seed) };
}

function termOver(plan: ProjectPlan, state: ProjectState, at: DateTime): boolean {
  return state.contractSignedOn !== undefined && state.contractSignedOn.plus({ years: plan.termYears }) <= at;
}
