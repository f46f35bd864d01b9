import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { buildSchema } from '../../src/graphql/schema';

/**
 * Requests built from the schema itself, so that an argument added later is probed too: one call
 * per argument (or input field) of a kind, on every field of Query, Mutation and Entity that has
 * one, the other arguments left out unless required.
 */
export interface ArgumentCall {
  /** Where the value went, as the API should name it: `search`, `filter.kind`, `ids`. */
  argument: string;
  /** `Query.disclosures`, `Entity.disclosures`… */
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

const schema = buildSchema();

interface Reached {
  type: GraphQLObjectType;
  operation: string;
  /** Puts a selection on this type into a query from the root. */
  wrap: (selection: string) => string;
  /** Reached through `entity(uscc: $entityUscc)`. */
  viaEntity: boolean;
}

/**
 * The object types whose fields are probed, each with a way to reach it: the roots, Entity through
 * `entity(uscc:)`, and every type reached from those through fields without required arguments
 * (`operations { runHistory(…) }`). A type with arguments reached no way is reported by
 * `unreachedFieldsWithArguments`, so that it cannot be left out unnoticed.
 */
function reachableTypes(): Reached[] {
  const query: Reached = { type: schema.getQueryType()!, operation: 'query', wrap: (s) => s, viaEntity: false };
  const entity: Reached = { type: schema.getType('Entity') as GraphQLObjectType, operation: 'query', wrap: (s) => `entity(uscc: $entityUscc) { ${s} }`, viaEntity: true };
  const mutation: Reached = { type: schema.getMutationType()!, operation: 'mutation', wrap: (s) => s, viaEntity: false };
  const reached = new Map<string, Reached>([query, mutation, entity].map((r) => [r.type.name, r]));
  const queue = [query, entity];
  while (queue.length) {
    const from = queue.shift()!;
    for (const field of Object.values(from.type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || reached.has(named.name) || field.args.some((a) => isNonNullType(a.type))) continue;
      const next: Reached = { ...from, type: named, wrap: (s) => from.wrap(`${field.name} { ${s} }`) };
      reached.set(named.name, next);
      queue.push(next);
    }
  }
  return [...reached.values()];
}

/** `Type.field` of every field with arguments on a type the probes cannot reach. */
export function unreachedFieldsWithArguments(): string[] {
  const reached = new Set(reachableTypes().map((r) => r.type.name));
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !reached.has(type.name))
    .flatMap((type) => Object.values(type.getFields()).filter((f) => f.args.length).map((f) => `${type.name}.${f.name}`));
}

/** Every string or ID argument, and string fields of input arguments (`filter.kind`), given `value`. */
export function callsWithEachStringArgument(value: string, entityUscc: string): ArgumentCall[] {
  return calls(entityUscc, (named) => ['String', 'ID'].includes(named), value);
}

/** Every `after` argument, given `cursor`. */
export function callsWithAfter(cursor: string, entityUscc: string): ArgumentCall[] {
  return calls(entityUscc, (_named, path) => path === 'after', cursor);
}

function calls(entityUscc: string, wanted: (namedType: string, path: string) => boolean, value: string): ArgumentCall[] {
  const result: ArgumentCall[] = [];
  for (const reached of reachableTypes()) {
    for (const field of Object.values(reached.type.getFields())) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (isInputObjectType(named)) {
          for (const inner of Object.values(named.getFields())) {
            const path = `${arg.name}.${inner.name}`;
            if (wanted(getNamedType(inner.type).name, path)) {
              result.push(call(reached, field, { name: arg.name, value: { [inner.name]: shaped(inner.type, value) }, path }, entityUscc));
            }
          }
        } else if (wanted(named.name, arg.name)) {
          result.push(call(reached, field, { name: arg.name, value: shaped(arg.type, value), path: arg.name }, entityUscc));
        }
      }
    }
  }
  return result;
}

/** One request: `probed` in its argument, required arguments sampled, the rest left out. */
function call(reached: Reached, field: GraphQLField<unknown, unknown>, probed: { name: string; value: unknown; path: string }, entityUscc: string): ArgumentCall {
  const variables: Record<string, unknown> = {};
  for (const other of field.args) if (isNonNullType(other.type)) variables[other.name] = sample(other.type);
  variables[probed.name] = probed.value;
  const used = field.args.filter((a) => a.name in variables);
  const definitions = used.map((a) => `$${a.name}: ${a.type}`);
  if (reached.viaEntity) {
    definitions.push('$entityUscc: String!');
    variables.entityUscc = entityUscc;
  }
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = `${field.name}(${args})${isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'}`;
  return {
    argument: probed.path,
    field: `${reached.type.name}.${field.name}`,
    query: `${reached.operation}(${definitions.join(', ')}) { ${reached.wrap(selection)} }`,
    variables,
  };
}

/** The value where the type wants it: inside a list when the argument is a list. */
function shaped(type: GraphQLInputType, value: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? [value] : value;
}

/** Any acceptable value, for required arguments beside the one probed. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) return {};
  return ({ Int: 1, Float: 1, Boolean: true, DateTime: '2026-01-01T00:00:00Z' } as Record<string, unknown>)[type.name] ?? 'x';
}
