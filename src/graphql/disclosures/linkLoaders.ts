import type { Knex } from 'knex';
import type { DisclosureLink } from '../../domain/contract';
import { serveDisclosure } from '../servedKinds';
import { groupRows, mapLoader } from '../shared/mapLoader';
import { DISCLOSURE_COLUMNS } from './columns';
import type { ServedDisclosure } from './served';

/** A record's address as links name it: its stream and its key at the source. */
export interface LinkAddress {
  stream: string;
  key: string;
}

/** A disclosure that links to an address, with the relation it declares. */
export interface LinkingDisclosure {
  relation: string;
  /** The linking record's own address. */
  from: LinkAddress;
  disclosure: ServedDisclosure;
}

const addressKey = (address: LinkAddress) => `${address.stream}\u0000${address.key}`;

/**
 * The two directions of links (an interpretation → its document, the document ← its
 * interpretations), batched per request like every other relation: one statement per level of a
 * response, whatever the number of disclosures on it.
 */
export function createLinkLoaders(knex: Knex) {
  return {
    /** The disclosure at each address, or null while its source has not published it. */
    target: mapLoader(
      async (addresses: LinkAddress[]) => {
        const rows = await knex
          .select(DISCLOSURE_COLUMNS)
          .from(knex.raw('jsonb_to_recordset(?::jsonb) AS k(stream text, key text)', [JSON.stringify(addresses)]))
          .join('disclosures as d', (join) => join.on('d.stream', 'k.stream').andOn('d.source_key', 'k.key'));
        return new Map(rows.map((row: any) => [addressKey({ stream: row.stream, key: row.source_key }), serveDisclosure(row)]));
      },
      null as ServedDisclosure | null,
      addressKey,
    ),
    /** The disclosures whose links name each address, oldest publication first. */
    linkingTo: mapLoader(
      async (addresses: LinkAddress[]) => {
        // The containment test is what the GIN index on links (migration 010) answers.
        const rows = await knex
          .select([...DISCLOSURE_COLUMNS, 'k.stream as target_stream', 'k.key as target_key'])
          .from(knex.raw('jsonb_to_recordset(?::jsonb) AS k(stream text, key text)', [JSON.stringify(addresses)]))
          .joinRaw("JOIN disclosures d ON d.links @> jsonb_build_array(jsonb_build_object('stream', k.stream, 'key', k.key))")
          .orderBy([{ column: 'd.published_at' }, { column: 'd.id' }]);
        return groupRows(
          rows,
          (row: any) => addressKey({ stream: row.target_stream, key: row.target_key }),
          (row: any): LinkingDisclosure => ({
            relation: relationTo(row.links, row.target_stream, row.target_key),
            from: { stream: row.stream, key: row.source_key },
            disclosure: serveDisclosure(row),
          }),
        );
      },
      [] as LinkingDisclosure[],
      addressKey,
    ),
  };
}

function relationTo(links: DisclosureLink[] | null, stream: string, key: string): string {
  return links?.find((link) => link.stream === stream && link.key === key)?.relation ?? '';
}
