import type { ObjectSchema } from './fieldSpec';

/**
 * Makes a table looked up by names that come from documents answer only for its own keys: without a prototype,
 * `table['constructor']`, `table['toString']` or `'__proto__' in table` find nothing, as for any unknown name.
 */
export function ownTable<T extends object>(table: T): T {
  Object.setPrototypeOf(table, null);
  return table;
}

/** The `fields` table of a schema, and of every schema nested in its fields, made an own-keys table. */
export function ownFields(schema: ObjectSchema, seen = new Set<ObjectSchema>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  ownTable(schema.fields);
  for (const spec of Object.values(schema.fields)) {
    if (spec.schema) ownFields(spec.schema, seen);
    if (spec.items) ownFields(spec.items, seen);
  }
}
