import { getTableColumns, getTableName, type Column } from "drizzle-orm";

/** The columns a batch sets, taken from its first row (every row must set the same ones). */
export function rowShape(
  table: object,
  first: Record<string, unknown>,
): { keys: string[]; columns: Column[] } {
  const all = getTableColumns(table as never) as Record<string, Column>;
  const keys = Object.keys(first).filter((k) => first[k] !== undefined);
  const columns = keys.map((k) => {
    const c = all[k];
    if (!c) throw new TypeError(`insertMany: ${getTableName(table as never)} has no column "${k}"`);
    return c;
  });
  return { keys, columns };
}

/** A row value as the driver takes it, through the column's own mapping (SQLite booleans → 0/1). */
export function driverValue(column: Column, value: unknown, key: string): unknown {
  if (value === undefined)
    throw new TypeError(`insertMany: every row must set "${key}" (the first row does)`);
  return value === null ? null : column.mapToDriverValue(value);
}
