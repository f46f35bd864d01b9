import type { AbnormalOperationAttributes, LicenceAttributes, PenaltyAttributes, SeriousViolationAttributes } from './credit';
import type {
  AirDailyAttributes,
  AirHourlyAttributes,
  AqiForecastAttributes,
  EmissionResultAttributes,
  PollutionWarningAttributes,
  WaterQualityAttributes,
} from './environment';
import type { PppProjectAttributes } from './ppp';
import type { StoredStatus } from './status';
import type { TradingNoticeAttributes } from './trading';
import type { CREDIT } from './credit';
import type { TRADING } from './trading';
import type { PPP } from './ppp';
import type { POLICY } from './policy';
import type { SUPERVISION } from './supervision';

/**
 * The attributes each kind stores: the type a connector's mapping must produce and a reader may
 * rely on. A kind missing here cannot be written (tsc refuses the mapping).
 */
export interface AttributesByKind {
  'administrative-licence': LicenceAttributes;
  'administrative-penalty': PenaltyAttributes;
  'abnormal-operation': AbnormalOperationAttributes;
  'serious-violation': SeriousViolationAttributes;
  'trading-notice': TradingNoticeAttributes;
  'ppp-project': PppProjectAttributes;
  'air-quality-hourly': AirHourlyAttributes;
  'air-quality-daily': AirDailyAttributes;
  'aqi-forecast': AqiForecastAttributes;
  'pollution-warning': PollutionWarningAttributes;
  'water-quality': WaterQualityAttributes;
  'emission-result': EmissionResultAttributes;
}

export type DisclosureKind = keyof AttributesByKind;

type RoleOf<C> = C extends { roles: infer R } ? R[keyof R] : never;
/** Every party role any domain declares. */
export type PartyRole = RoleOf<typeof CREDIT> | RoleOf<typeof TRADING> | RoleOf<typeof PPP> | RoleOf<typeof POLICY> | RoleOf<typeof SUPERVISION>;

export interface DisclosureParty {
  role: PartyRole;
  name: string;
  uscc?: string | null;
}

/** What every kind shares; the engine adds identity, hashes and times. */
interface DisclosureFields {
  title: string;
  publisher?: string | null;
  region?: string | null;
  publishedAt: Date;
  /** When the source last changed the record; defaults to publishedAt. */
  updatedAt?: Date;
  status: StoredStatus;
  subject?: { uscc?: string | null; name: string } | null;
  /** Other parties by role (buyer, agency, tenderer, supplier …), linked to entities by code. */
  parties?: DisclosureParty[];
  sourceUrl?: string | null;
  /**
   * Personal information of natural persons (ID number, phone, home address), kept for matching and
   * never served: put masked forms (maskPersonalInfo) in `attributes`, the originals here.
   */
  personal?: Record<string, string | null | undefined> | null;
  /** Extra text to search besides the title, subject and publisher. */
  searchText?: Array<string | null | undefined>;
  /** Other disclosures this one refers to (an interpretation → its document), served both ways. */
  links?: DisclosureLink[];
}

/**
 * A reference to another disclosure by its stream and its key at the source, as the source writes
 * it: the linked record may arrive later, or not at all, and the link waits for it.
 */
export interface DisclosureLink {
  /** What this disclosure is to the linked one, e.g. `interprets`. */
  relation: string;
  /** The linked record's stream, `connector/stream`. */
  stream: string;
  key: string;
}

/** The unified model a stream maps each record to: one variant per kind, with that kind's attributes. */
export type DisclosureInput = {
  [K in DisclosureKind]: DisclosureFields & { kind: K; attributes: AttributesByKind[K] };
}[DisclosureKind];

/**
 * A disclosure of a kind with no TypeScript attribute type: what a connector manifest maps to. Its
 * attributes are JSON, checked against the kind's shape where its domain declares one
 * (DomainContract.attributeShapes), and served by GraphQL's GenericDisclosure.
 */
export type GenericDisclosureInput = DisclosureFields & { kind: string; attributes: Record<string, unknown> };

/** What a stream may map a record to: a typed kind of a coded connector, or a manifest's generic one. */
export type AnyDisclosureInput = DisclosureInput | GenericDisclosureInput;

/** The variant of one kind, for a mapping that only ever writes that kind. */
export type DisclosureOf<K extends DisclosureKind> = Extract<DisclosureInput, { kind: K }>;

/**
 * The attributes of a disclosure (mapped, or a stored row) typed as its kind's, after checking the
 * kind: a reader that asks for a penalty's attributes of a licence gets an error, not undefined.
 */
export function attributesOf<K extends DisclosureKind>(disclosure: { kind: string; attributes: unknown }, kind: K): AttributesByKind[K] {
  if (disclosure.kind !== kind) throw new Error(`expected a "${kind}" disclosure, got "${disclosure.kind}"`);
  return disclosure.attributes as AttributesByKind[K];
}
