import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * What a query selects below the field being resolved, so that a list reads only the columns its
 * answer needs. Fragments and inline fragments count whatever their type condition: a field asked
 * for on any concrete type of a list must be loaded for every row that could be of that type.
 */

/**
 * A field's selection as a resolver's info gives it; or, for a field below it that a resolver reads
 * ahead for (an enterprise page's newest disclosures), that field's node with the same fragments.
 */
export type FieldSelection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * Names of the fields selected at `path` below the resolver's own field, e.g. ['edges', 'node']
 * under a connection. Aliases do not matter: the field's name says what it reads.
 */
export function selectedFieldsAt(info: FieldSelection, path: readonly string[]): ReadonlySet<string> {
  if (info.fieldNodes.length !== 1) return selectedNow(info, path);
  // A field's node belongs to one parsed query, whose fragments do not change: its selection is
  // read once per query text and path, not on every request that runs the same document.
  let byPath = selectionsByField.get(info.fieldNodes[0]);
  if (!byPath) selectionsByField.set(info.fieldNodes[0], (byPath = new Map()));
  const key = path.join('.');
  let selected = byPath.get(key);
  if (!selected) byPath.set(key, (selected = selectedNow(info, path)));
  return selected;
}

const selectionsByField = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function selectedNow(info: FieldSelection, path: readonly string[]): ReadonlySet<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = sets.flatMap((set) => fieldsIn(set, info)).filter((field) => field.name.value === name).flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(sets.flatMap((set) => fieldsIn(set, info)).map((field) => field.name.value));
}

/** The fields of a selection set, with those of its fragments and inline fragments spread in. */
export function fieldsIn(set: SelectionSetNode, info: Pick<FieldSelection, 'fragments'>): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsIn(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsIn(fragment.selectionSet, info) : [];
  });
}
