import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '../context';
import { rowReadOf } from './rowRead';
import { flaggedEntity, type EntityView } from '../entity/served';
import { linkedEntity } from '../entity/loaders';
import { serveDisclosure } from '../servedKinds';
import { badInput } from '../shared/badInput';
import { withCanonicalRegion } from '../shared/region';
import { DISCLOSURE_COLUMNS, type StoredSubject } from './columns';
import { listDisclosures, type DisclosureListArgs } from './list';
import type { ServedDisclosure } from './served';
import type { DisclosureLink } from '../../domain/contract';
import type { LinkAddress } from './linkLoaders';
import { disclosureStats, type StatsArgs } from './stats';

/**
 * The subject as an entity: the stored one its valid code links to. A subject whose code fails its
 * check is shown as the source named it, flagged, and not linked. A subject with no code at all (a
 * natural person) is no entity: its name is on the record's own party fields.
 */
function subjectOf(subject: StoredSubject, ctx: HubContext): EntityView | null | Promise<EntityView | null> {
  // Joined by the page's statement: answered at once. A promise per row would make graphql-js
  // wait for every row's object separately (about 3 % of a list request's CPU).
  if (subject.joined !== undefined) return subject.joined ?? unlinked(subject);
  return linkedEntity(ctx, subject.entityUscc).then((entity) => entity ?? unlinked(subject));
}

/** A subject no stored entity answers to: flagged when it has a code, else no entity at all. */
const unlinked = (subject: StoredSubject): EntityView | null => (subject.uscc ? flaggedEntity(subject.uscc, subject.name, subject.reason ?? 'invalid') : null);

async function oneDisclosure(_: unknown, { id }: { id: string }, ctx: HubContext): Promise<ServedDisclosure | null> {
  if (!/^\d{1,18}$/.test(id)) throw badInput(`"${id}" is not a disclosure id (ids are numbers, as the API gives them)`);
  const row = await ctx.knex('disclosures as d').where('d.id', id).first(DISCLOSURE_COLUMNS);
  return row ? serveDisclosure(row) : null;
}

/** Disclosures across domains: the list, one by id, counts, and the interface's relations. */
export const disclosureResolvers = {
  Query: {
    disclosures: (_: unknown, args: DisclosureListArgs, ctx: HubContext, info: GraphQLResolveInfo) =>
      listDisclosures(ctx.knex, { ...args, filter: withCanonicalRegion(args.filter, ctx.regions) }, undefined, rowReadOf(info, ctx.loaders.entities.byCode)),
    disclosure: oneDisclosure,
    stats: (_: unknown, args: StatsArgs, ctx: HubContext) => disclosureStats(ctx.knex, { ...args, filter: withCanonicalRegion(args.filter, ctx.regions) }),
  },
  // The schema is built with inheritResolversFromInterfaces: every concrete type gets these.
  Disclosure: {
    __resolveType: (d: ServedDisclosure) => d.__typename,
    subject: (d: ServedDisclosure, _: unknown, ctx: HubContext) => subjectOf(d.storedSubject, ctx),
    division: (d: ServedDisclosure, _: unknown, ctx: HubContext) => ctx.regions.resolve(d.storedRegion),
    revisions: (d: ServedDisclosure, _: unknown, ctx: HubContext) => ctx.loaders.disclosures.revisions.load(Number(d.id)),
  },
  GenericDisclosure: {
    links: servedLinks,
  },
  DisclosureLink: {
    disclosure: (link: ServedLink, _: unknown, ctx: HubContext) => link.disclosure ?? ctx.loaders.links.target.load({ stream: link.stream, key: link.key }),
  },
};

/** A link as served: the other record's address, and the record itself when it came with the link. */
interface ServedLink {
  relation: string;
  direction: 'OUTGOING' | 'INCOMING';
  stream: string;
  key: string;
  disclosure?: ServedDisclosure;
}

/** The links a disclosure makes (OUTGOING), then the links others make to it (INCOMING). */
async function servedLinks(d: ServedDisclosure<GenericFields>, _: unknown, ctx: HubContext): Promise<ServedLink[]> {
  const outgoing = d.storedLinks.map((link): ServedLink => ({ ...link, direction: 'OUTGOING' }));
  const incoming = await ctx.loaders.links.linkingTo.load(d.linkAddress);
  const back = incoming.map(({ relation, from, disclosure }): ServedLink => ({ relation, direction: 'INCOMING', ...from, disclosure }));
  return [...outgoing, ...back];
}

interface GenericFields {
  storedLinks: DisclosureLink[];
  linkAddress: LinkAddress;
}
