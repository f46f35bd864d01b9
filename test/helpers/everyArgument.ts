import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
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

/** The types whose fields are reached: the roots, and Entity through `entity(uscc:)`. */
function reachableTypes(): Array<{ type: GraphQLObjectType; wrap: (selection: string) => string; operation: string }> {
  return [
    { type: schema.getQueryType()!, operation: 'query', wrap: (s) => s },
    { type: schema.getMutationType()!, operation: 'mutation', wrap: (s) => s },
    { type: schema.getType('Entity') as GraphQLObjectType, operation: 'query', wrap: (s) => `entity(uscc: $entityUscc) { ${s} }` },
  ];
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
  for (const { type, wrap, operation } of reachableTypes()) {
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (isInputObjectType(named)) {
          for (const inner of Object.values(named.getFields())) {
            const path = `${arg.name}.${inner.name}`;
            if (wanted(getNamedType(inner.type).name, path)) {
              result.push(call(type, field, wrap, operation, arg.name, { [inner.name]: shaped(inner.type, value) }, path, entityUscc));
            }
          }
        } else if (wanted(named.name, arg.name)) {
          result.push(call(type, field, wrap, operation, arg.name, shaped(arg.type, value), arg.name, entityUscc));
        }
      }
    }
  }
  return result;
}

function call(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  wrap: (selection: string) => string,
  operation: string,
  argName: string,
  argValue: unknown,
  argument: string,
  entityUscc: string,
): ArgumentCall {
  const variables: Record<string, unknown> = {};
  for (const other of field.args) if (isNonNullType(other.type)) variables[other.name] = sample(other.type);
  variables[argName] = argValue;
  const used = field.args.filter((a) => a.name in variables);
  const definitions = used.map((a) => `$${a.name}: ${a.type}`);
  if (type.name === 'Entity') {
    definitions.push('$entityUscc: String!');
    variables.entityUscc = entityUscc;
  }
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = `${field.name}(${args})${isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'}`;
  return { argument, field: `${type.name}.${field.name}`, query: `${operation}(${definitions.join(', ')}) { ${wrap(selection)} }`, variables };
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
