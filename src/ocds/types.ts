import type { OcdsReleaseTag } from '../domain/tradingNoticeTypes';
/**
 * The parts of OCDS 1.1.5 (release-schema.json, the package schemas) the hub emits. Optional fields
 * are left out rather than set to null: in the OCDS merge a null erases what earlier releases said.
 */

/** A release's tag: what its notice says (tradingNoticeTypes.ts), or `compiled` for a record's merge. */
export type ReleaseTag = OcdsReleaseTag | 'compiled';

export interface Value {
  amount: number;
  currency: 'CNY';
}

export interface Period {
  startDate?: string;
  endDate?: string;
}

export interface OrganizationReference {
  id: string;
  name: string;
}

export interface Party extends OrganizationReference {
  identifier?: { scheme: 'CN-USCC'; id: string; legalName: string };
  roles: string[];
}

export interface Document {
  id: string;
  /** Lots extension: the lot the notice is about. */
  relatedLots?: string[];
  documentType: string;
  title: string;
  description?: string;
  url?: string;
  datePublished: string;
  dateModified?: string;
  language: 'zh';
}

export interface Amendment {
  id: string;
  date: string;
  rationale?: string;
  /** The release the amended notice became (release ids are notice ids, release.ts). */
  amendsReleaseID?: string;
  releaseID: string;
}

/** A lot of the tender (OCDS lots extension, lots.ts). */
export interface Lot {
  id: string;
  title?: string;
  status?: string;
  value?: Value;
}

export interface Tender {
  id: string;
  title: string;
  status?: string;
  value?: Value;
  procurementMethod?: string;
  procurementMethodDetails?: string;
  mainProcurementCategory?: string;
  tenderPeriod?: Period;
  procuringEntity?: OrganizationReference;
  tenderers?: OrganizationReference[];
  amendments?: Amendment[];
  documents?: Document[];
  /** Lots extension: the lots the notice speaks about. */
  lots?: Lot[];
}

export interface Award {
  id: string;
  status: 'pending' | 'active';
  /** Lots extension: the lot awarded. */
  relatedLots?: string[];
  date?: string;
  value?: Value;
  suppliers?: OrganizationReference[];
  documents?: Document[];
}

export interface Milestone {
  id: string;
  title: string;
  type: string;
  status: string;
  dateMet?: string;
}

export interface Contract {
  id: string;
  awardID: string;
  status: string;
  value?: Value;
  period?: Period;
  dateSigned?: string;
  implementation?: { milestones?: Milestone[]; documents?: Document[] };
  documents?: Document[];
}

export interface Release {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: 'tender';
  language: 'zh';
  parties?: Party[];
  buyer?: OrganizationReference;
  tender?: Tender;
  awards?: Award[];
  contracts?: Contract[];
}

/** One contracting process: its releases oldest first, and their merge. */
export interface OcdsRecord {
  ocid: string;
  releases: Release[];
  compiledRelease: Release;
}

/** What release and record packages share; `publishedDate` is written after the list (packageWriter.ts). */
export interface PackageHead {
  uri: string;
  version: '1.1';
  /** The extensions the releases use, by the URL of their extension.json (lots.ts). */
  extensions: string[];
  publisher: { name: string };
}
