import type DataLoader from 'dataloader';
import { isInterfaceType, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { EntityView } from '../entity/served';
import { commonColumnsFor, DISCLOSURE_COLUMNS } from './columns';
import { selectedFieldsAt, type FieldSelection } from '../shared/selection';

/**
 * How much of each disclosure a list reads, from what the query selects of its nodes. A row's
 * `attributes` (its type's own fields, about 1.2 KB) and `links` are read only when a node field
 * beyond the Disclosure interface's asks for them; the interface's fields all come from columns.
 * A selected `subject` is joined into the page's own statement, and the entities it finds fill the
 * request's entity loader, so `subject` resolves without a second statement; a selected
 * `totalCount` is counted in that statement too.
 */
export interface RowRead {
  ownFields: boolean;
  /** The columns to read: every column with the type's own fields, else the selected fields' columns. */
  columns: readonly string[];
  /** `totalCount` is selected: a list reads it in the page's own statement where it can. */
  counted: boolean;
  /** The request's entity loader, to be filled from the page's join; unset, no join. */
  subjectsInto?: DataLoader<string, EntityView | null, unknown>;
  /**
   * The query's field node the read was made for, when one: its selection decides the read, so a
   * statement shaped by the read and the field's arguments can be built once for it (inputTemplates.ts).
   */
  field?: FieldNode;
}

/** Every column, no join: what a caller that does not know the selection gets. */
export const WHOLE_ROWS: RowRead = { ownFields: true, columns: DISCLOSURE_COLUMNS, counted: false };

/** The read a connection's nodes (edges → node) need. */
export function rowReadOf(info: FieldSelection & Pick<GraphQLResolveInfo, 'schema'>, entities: DataLoader<string, EntityView | null, unknown>): RowRead {
  const field = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const { subjects, ...read } = selectionReadOf(info, field);
  return { ...read, subjectsInto: subjects ? entities : undefined, field };
}

type SelectionRead = Omit<RowRead, 'subjectsInto'> & { subjects: boolean };

/**
 * What the selection alone decides. A field's node belongs to one parsed query, whose selection
 * does not change, so this is read once per node, not on every request that runs the same document.
 */
function selectionReadOf(info: FieldSelection & Pick<GraphQLResolveInfo, 'schema'>, node: FieldNode | undefined): SelectionRead {
  let read = node && readsByField.get(node);
  if (!read) {
    const selected = selectedFieldsAt(info, ['edges', 'node']);
    const common = interfaceFields(info.schema);
    const ownFields = [...selected].some((name) => !common.has(name));
    read = {
      ownFields,
      columns: ownFields ? DISCLOSURE_COLUMNS : commonColumnsFor(selected),
      counted: selectedFieldsAt(info, []).has('totalCount'),
      subjects: selected.has('subject'),
    };
    if (node) readsByField.set(node, read);
  }
  return read;
}

const readsByField = new WeakMap<FieldNode, SelectionRead>();

/** The Disclosure interface's fields (and __typename), read from the schema once per schema. */
const fieldsBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
function interfaceFields(schema: GraphQLSchema): ReadonlySet<string> {
  let fields = fieldsBySchema.get(schema);
  if (!fields) {
    const disclosure = schema.getType('Disclosure');
    if (!isInterfaceType(disclosure)) throw new Error('the schema has no Disclosure interface');
    fields = new Set([...Object.keys(disclosure.getFields()), '__typename']);
    fieldsBySchema.set(schema, fields);
  }
  return fields;
}
