import { containsMobileNumber, maskContactPhone } from './masking';

/**
 * The project contact of a PPP project (linkUname / linkTel): the person the implementing agency
 * names as the project's contact, and the number to call. By the hub's privacy rule
 * (docs/standards/privacy.md) that is the agency's published business contact: the name and an
 * office line are public and served as published; a mobile number is a natural person's own and
 * is served masked, its original kept in `personal`.
 */
export interface PublishedContact {
  /** As published (王伟). */
  name: string | null;
  /** Office lines as published (0459-4612345); each mobile number masked (138****5678). */
  phone: string | null;
}

export interface ProjectContact {
  served: PublishedContact;
  /** The original phone field when it held a mobile number (for `personal`); null otherwise. */
  personal: { linkTel: string } | null;
}

/** The served contact of a record and what of it stays personal; blanks count as absent. */
export function projectContact(linkUname: string | null | undefined, linkTel: string | null | undefined): ProjectContact {
  const name = present(linkUname);
  const phone = present(linkTel);
  return {
    served: { name: name ?? null, phone: phone ? maskContactPhone(phone) : null },
    personal: phone && containsMobileNumber(phone) ? { linkTel: phone } : null,
  };
}

function present(value: string | null | undefined): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length > 0 ? text : undefined;
}
