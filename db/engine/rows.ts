import { Column, getTableColumns, getTableName } from "drizzle-orm";

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

/**
 * driverValue() for one column, without the mapping call for columns that map nothing (text,
 * plain integers): a bulk share converts 800,000 values.
 */
export function driverValueOf(column: Column, key: string): (value: unknown) => unknown {
  // A copy of drizzle other than this module's only takes the longer way.
  if (column.mapToDriverValue !== Column.prototype.mapToDriverValue)
    return (value) => driverValue(column, value, key);
  return (value) => {
    if (value === undefined)
      throw new TypeError(`insertMany: every row must set "${key}" (the first row does)`);
    return value;
  };
}
