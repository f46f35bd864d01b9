import { getNamedType, isInterfaceType, isObjectType, isLeafType, isNonNullType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/**
 * Builds a selection of every field a disclosure type serves, recursively to a depth, so a test
 * can fetch everything the API would ever show and scan it. Fields that need arguments are
 * skipped; an entity is read for its identity only (its own lists lead back to disclosures).
 */
export function everyFieldOf(schema: GraphQLSchema, type: GraphQLObjectType, depth = 4): string {
  const fields = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const parts: string[] = [];
  for (const field of fields) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (named.name === 'Entity') parts.push(`${field.name} { uscc name usccValid usccReason }`);
    else if (depth > 0 && (isObjectType(named) || isInterfaceType(named)) && !named.name.endsWith('Connection')) {
      const inner = isObjectType(named) ? everyFieldOf(schema, named, depth - 1) : '__typename';
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** An inline fragment selecting every field of one concrete Disclosure type. */
export function everyFieldFragment(schema: GraphQLSchema, typeName: string): string {
  const type = schema.getType(typeName);
  if (!type || !isObjectType(type)) throw new Error(`schema has no object type ${typeName}`);
  return `... on ${typeName} { ${everyFieldOf(schema, type)} }`;
}
