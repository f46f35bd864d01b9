import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A cache hint as `@cacheControl` states it and as Apollo's request policy takes it. */
interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}
interface Annotation extends Hint {
  inheritMaxAge?: boolean;
}

/**
 * A request's cache policy (max-age and scope, hence its Cache-Control header and whether the
 * response cache may keep it), read from the operation and the schema's `@cacheControl`
 * directives once per parsed document, instead of per resolved field.
 *
 * Why not Apollo's cache-control plugin: it wraps every resolver of the schema and, for every
 * field of every row, builds a policy object and calls the plugin hook. On a page of twenty
 * disclosures that is several hundred calls, measured at about a tenth of the hub's CPU per
 * request with the response cache off (`npm run bench:overhead`, `npm run bench:api`).
 *
 * Each field's hint follows Apollo's rules exactly (its return type's hint, then the field's own,
 * `inheritMaxAge`, and `defaultMaxAge` for root fields and composite fields that set none). The
 * one difference is what counts: Apollo counts the fields that were resolved, this counts every
 * field the operation selects (every type a fragment or interface could resolve to, fields under
 * an empty list, fields an `@include` leaves out). So a policy is never longer-lived or more
 * public than Apollo's would be; at most shorter, for a selection whose stricter parts found no
 * data. No hub resolver sets a hint at run time (`info.cacheControl`), which this does not see.
 */
export function staticCachePolicy<TContext extends object>(options: { defaultMaxAge: number }): ApolloServerPlugin<TContext> {
  const policies = new WeakMap<DocumentNode, Map<string, Hint>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const { document, operation, schema, operationName } = context;
          if (!operation) return;
          let byOperation = policies.get(document);
          if (!byOperation) policies.set(document, (byOperation = new Map()));
          const key = operationName ?? '';
          let hint = byOperation.get(key);
          if (!hint) byOperation.set(key, (hint = operationHint(schema, document, operation, options.defaultMaxAge)));
          context.overallCachePolicy.restrict(hint);
        },
        async willSendResponse(context) {
          setCacheControlHeader(context);
        },
      };
    },
  };
}

/** The policy of one operation: every selected field's hint, restricted into one. */
export function operationHint(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, defaultMaxAge: number): Hint {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const overall: Hint = {};
  const root = schema.getRootType(operation.operation);
  if (!root) return overall;
  // A fragment can put the same selection under the same type twice: its fields count once.
  const walked = new Map<SelectionSetNode, Set<string>>();
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, atRoot: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        // __typename and introspection are answered by graphql-js itself: Apollo sets no hint for them either.
        if (name.startsWith('__')) continue;
        for (const type of objectTypesOf(schema, parent)) {
          const field = type.getFields()[name];
          if (!field) continue;
          restrict(overall, fieldHint(field, atRoot, defaultMaxAge));
          const target = getNamedType(field.type);
          if (selection.selectionSet && isCompositeType(target) && firstWalk(walked, selection.selectionSet, target.name)) {
            walk(selection.selectionSet, target, false);
          }
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(selection.selectionSet, condition, atRoot);
      } else {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, atRoot);
      }
    }
  };
  walk(operation.selectionSet, root, true);
  return overall;
}

function firstWalk(walked: Map<SelectionSetNode, Set<string>>, selectionSet: SelectionSetNode, typeName: string): boolean {
  let types = walked.get(selectionSet);
  if (!types) walked.set(selectionSet, (types = new Set()));
  if (types.has(typeName)) return false;
  types.add(typeName);
  return true;
}

/** Apollo's hint for one resolved field (its cache-control plugin's `willResolveField`). */
function fieldHint(field: GraphQLField<unknown, unknown>, atRoot: boolean, defaultMaxAge: number): Hint {
  const hint: Hint = {};
  let inheritMaxAge = false;
  const target = getNamedType(field.type);
  const composite = isCompositeType(target);
  if (composite) {
    const fromType = typeAnnotation(target);
    replace(hint, fromType);
    inheritMaxAge = !!fromType.inheritMaxAge;
  }
  const fromField = annotationOf(field.astNode?.directives);
  if (fromField.inheritMaxAge && hint.maxAge === undefined) {
    inheritMaxAge = true;
    if (fromField.scope) hint.scope = fromField.scope;
  } else {
    replace(hint, fromField);
  }
  if (hint.maxAge === undefined && ((composite && !inheritMaxAge) || atRoot)) restrict(hint, { maxAge: defaultMaxAge });
  return hint;
}

/** The object types a selection on `type` can meet at run time. */
function objectTypesOf(schema: GraphQLSchema, type: GraphQLCompositeType): readonly GraphQLObjectType[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
}

function typeAnnotation(type: GraphQLNamedType): Annotation {
  const own = annotationOf(type.astNode?.directives);
  if (own.maxAge !== undefined || own.scope !== undefined || own.inheritMaxAge) return own;
  for (const extension of type.extensionASTNodes) {
    const hint = annotationOf(extension.directives);
    if (hint.maxAge !== undefined || hint.scope !== undefined || hint.inheritMaxAge) return hint;
  }
  return {};
}

function annotationOf(directives: readonly ConstDirectiveNode[] | undefined): Annotation {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive) return {};
  const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument('maxAge');
  return { maxAge: maxAge?.kind === Kind.INT ? parseInt(maxAge.value, 10) : undefined, scope };
}

function replace(hint: Hint, by: Hint): void {
  if (by.maxAge !== undefined) hint.maxAge = by.maxAge;
  if (by.scope !== undefined) hint.scope = by.scope;
}

function restrict(hint: Hint, by: Hint): void {
  if (by.maxAge !== undefined && (hint.maxAge === undefined || by.maxAge < hint.maxAge)) hint.maxAge = by.maxAge;
  if (by.scope !== undefined && hint.scope !== 'PRIVATE') hint.scope = by.scope;
}

const UNCACHEABLE = 'no-store';
const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;

/**
 * Cache-Control from the request's policy, as Apollo's plugin writes it: `max-age=N, public|private`
 * for an answer without errors that may be kept, `no-store` otherwise; a header a resolver or
 * plugin set first is kept when it cannot be read, and restricts the policy when it can.
 */
function setCacheControlHeader<TContext extends object>(context: GraphQLRequestContextWillSendResponse<TContext>): void {
  const { response, overallCachePolicy } = context;
  const existing = response.http.headers.get('cache-control');
  const policy: Hint = { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope };
  if (existing === UNCACHEABLE) return void response.http.headers.set('cache-control', UNCACHEABLE);
  if (existing) {
    const match = CACHEABLE_HEADER.exec(existing);
    if (!match) return;
    restrict(policy, { maxAge: Number(match[1]), scope: match[2] === 'public' ? 'PUBLIC' : 'PRIVATE' });
  }
  const cacheable = policy.maxAge !== undefined && policy.maxAge > 0;
  const { body } = response;
  const withoutErrors = body.kind === 'single' && !body.singleResult.errors;
  response.http.headers.set('cache-control', cacheable && withoutErrors ? `max-age=${policy.maxAge}, ${(policy.scope ?? 'PUBLIC').toLowerCase()}` : UNCACHEABLE);
}
