import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { badInput } from './shared/badInput';

/**
 * PostgreSQL refuses the NUL character in text, so a string argument holding one (`"a\u0000b"` is
 * valid GraphQL and JSON) would fail as a driver error inside a query. Every field that takes
 * arguments checks them first, wherever they sit (a filter's field, a list of ids), and names the
 * argument: one guard for every argument of every domain, including the ones added later.
 */
export function refuseNulInArguments(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      if (!field.args || Object.keys(field.args).length === 0) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context, info) => {
          const where = nulArgument(args);
          if (where) throw badInput(`"${where}" contains a NUL character (\\u0000), which no stored text can contain; remove it`);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}

/** The path of the first string holding a NUL (`filter.kind`, `ids[2]`), if any. */
export function nulArgument(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulArgument(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulArgument(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
