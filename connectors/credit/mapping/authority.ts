import {
  CREDIT,
  normalizeUscc,
  regionOfAuthority,
  type BodyAttributes,
  type CitySetting,
  type DisclosureInput,
} from '../../../src/connectorKit';

/** A body named in a record: the deciding authority (XK_XKJG, CF_CFJG, CF_XZJG) or the data source. */
export interface BodyFields {
  name: string;
  /** Its unified social credit code, as written (XK_XKJGDM, CF_CFJGDM, XK_LYDWDM, CF_SJLYDM). */
  uscc?: string;
}

export interface MappedAuthority {
  publisher: string;
  region: string;
  party: NonNullable<DisclosureInput['parties']>[number];
  attributes: BodyAttributes;
}

/**
 * The deciding authority publishes the record (publisher), places it (region: its district, or the
 * city) and is a party with role `authority`, linked to its own entity when its code is valid, so
 * an authority's decisions can be listed by code as well as by name.
 */
export function mapAuthority(authority: BodyFields, city: CitySetting): MappedAuthority {
  return {
    publisher: authority.name,
    region: regionOfAuthority(authority.name, city),
    party: { role: CREDIT.roles.authority, name: authority.name, uscc: authority.uscc ?? null },
    attributes: bodyAttributes(authority),
  };
}

export function bodyAttributes(body: BodyFields): BodyAttributes {
  return { name: body.name, uscc: body.uscc ? normalizeUscc(body.uscc) : null };
}
