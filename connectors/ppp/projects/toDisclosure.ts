import {
  decodeDemonstration,
  decodeGovParticipation,
  decodeOperateMode,
  decodePurchaseWay,
  decodeReturnMode,
  decodeStage,
  fenToWanYuan,
  formatChinaTime,
  normalizeUscc,
  PPP,
  pppPolicyConflicts,
  projectContact,
  requireChinaTime,
  STATUS,
  type CitySetting,
  type DecodedCode,
  type DisclosureOf,
  type MappingContext,
} from '../../../src/connectorKit';
import type { ImplementationPlan, PppProjectRecord } from './schema';

interface Body {
  name: string;
  uscc: string | null;
}

/**
 * A library project → the unified disclosure. The subject is the implementing agency (a
 * government body); partners and the government's equity representative are parties.
 *
 * The title is the project's name as published, without its stage: the stage is an attribute that
 * moves (准备 → 采购 → 执行), and a title that moved with it would read as a renamed project in
 * history and in search. Either way a stage change is a revision of the same row (keyed by projRid).
 *
 * A record that contradicts PPP policy (a new-mechanism project paid by the government, O&M for a
 * construction project) is stored and served with the conflict in `policyConflicts`, not rejected:
 * see pppPolicy.ts.
 */
export function projectToDisclosure(r: PppProjectRecord, { city }: MappingContext): DisclosureOf<typeof PPP.kinds.project> {
  const stage = decodeStage(r.projState);
  const region = text(r.distName) ?? r.distCityName.trim();
  const agency = body(r.implOrgName, r.implOrgCode);
  const partners = (r.socialCapitalList ?? []).map((p) => body(p.socialCapitalName, p.socialCapitalCode));
  const government = governmentParticipation(r.implPlanInfo);
  const contact = projectContact(r.linkUname, r.linkTel);
  const operateMode = decodeOperateMode(r.operateMode);
  const returnMode = decodeReturnMode(r.returnMode);
  const procurementMethod = purchaseWay(r.implPlanInfo);
  const demonstration = decodeDemonstration(r.example, r.exampleList);
  const updateTime = requireChinaTime(r.updateTime, 'updateTime');
  const startTime = requireChinaTime(r.startTime, 'startTime');
  const name = r.projName.trim();
  const initiatedOn = dateOnly(startTime);
  return {
    kind: PPP.kinds.project,
    title: name,
    publisher: financeBureau(r, city),
    region,
    publishedAt: startTime,
    updatedAt: updateTime,
    status: STATUS.published,
    subject: agency,
    parties: [
      { role: PPP.roles.implementingAgency, ...agency },
      ...partners.map((p) => ({ role: PPP.roles.partner, ...p })),
      ...(government?.equityRepresentative ? [{ role: PPP.roles.governmentEquityRepresentative, ...government.equityRepresentative }] : []),
    ],
    attributes: {
      projNo: r.projNo.trim(),
      stage,
      location: { province: r.distProvinceName.trim(), city: r.distCityName.trim(), district: text(r.distName) ?? null },
      industry: { primary: r.industryRequiredName.trim(), secondary: text(r.industryOptionalName) ?? null },
      overview: text(r.projOverview) ?? null,
      // 万元, from investCount in 分.
      totalInvestment: fenToWanYuan(r.investCount),
      operateMode,
      returnMode,
      cooperationTermYears: r.cooperationTerm,
      initiatedOn,
      demonstration,
      procurementMethod,
      governmentParticipation: government,
      implementingAgency: displayed(agency),
      partners: partners.map(displayed),
      contractSignedOn: r.contractSignTime ? dateOnly(requireChinaTime(r.contractSignTime, 'contractSignTime')) : null,
      contact: contact.served,
      policyConflicts: pppPolicyConflicts({ name, initiatedOn, returnMode, operateMode }),
      updateTime: formatChinaTime(updateTime),
    },
    personal: contact.personal,
    searchText: [
      r.projNo.trim(),
      r.industryRequiredName,
      r.industryOptionalName,
      `${stage.name}阶段`,
      operateMode.name,
      returnMode.name,
      procurementMethod?.name,
      ...demonstration.listings.map((l) => `${l.level.name}示范项目`),
    ],
  };
}

/**
 * 政府参与方式 from the implementation plan; null before there is one (识别 stage). The equity
 * representative counts only when the mode says the government holds equity.
 */
function governmentParticipation(plan: ImplementationPlan | null | undefined) {
  if (plan?.govInvestType === undefined || plan.govInvestType === null) return null;
  const mode = decodeGovParticipation(plan.govInvestType);
  const holdsEquity = mode.code === '1';
  const name = text(plan.govInvestOrgName);
  return {
    mode,
    equityRepresentative: holdsEquity && name ? body(name, plan.govInvestOrgCode) : null,
    equitySharePercent: holdsEquity ? (plan.govShareRatio ?? null) : null,
  };
}

function purchaseWay(plan: ImplementationPlan | null | undefined): DecodedCode | null {
  const way = plan?.socialPurchaseWay;
  return way === undefined || way === null ? null : decodePurchaseWay(way);
}

/** A party as the source wrote it: the engine normalises and checks the code. */
function body(name: string, code: string | null | undefined): Body {
  return { name: name.trim(), uscc: text(code) ?? null };
}

/** A party as served in attributes: the code in its normalised form (the flag lives on the party). */
function displayed(b: Body): Body {
  return { name: b.name, uscc: b.uscc === null ? null : normalizeUscc(b.uscc) };
}

/**
 * Local finance departments (财政部门) enter and publish their projects on the platform, so the
 * publisher is the finance bureau of the project's level: the city's own (大庆市财政局, from the
 * city setting) for a city-level project of the city, else by its full name (大庆市肇源县财政局).
 */
function financeBureau(r: PppProjectRecord, city: CitySetting): string {
  const district = text(r.distName);
  const cityName = r.distCityName.trim();
  if (!district && cityName === city.name) return city.authorities.finance;
  return `${cityName}${district ?? ''}财政局`;
}

function dateOnly(date: Date): string {
  return formatChinaTime(date).slice(0, 10);
}

function text(value: string | null | undefined): string | undefined {
  const t = typeof value === 'string' ? value.trim() : '';
  return t.length > 0 ? t : undefined;
}
