import { Column, getTableColumns, getTableName } from "drizzle-orm";

/**
 * A bulk insert as both engines write it: per column, either one value for every row
 * (`each`) or a single value all rows share (`same`), already in the driver's form.
 * Columns rather than row objects: 100,000 share items are then five arrays of strings
 * instead of 100,000 objects for the garbage collector (bench/bulk-only.ts).
 */
export type ColumnBatch = {
  count: number;
  each: { column: Column; values: readonly unknown[] }[];
  same: { column: Column; value: unknown }[];
};

const columnsOf = (table: object) => getTableColumns(table as never) as Record<string, Column>;

function columnNamed(table: object, all: Record<string, Column>, key: string): Column {
  const c = all[key];
  if (!c) throw new TypeError(`insertMany: ${getTableName(table as never)} has no column "${key}"`);
  return c;
}

/** A row value as the driver takes it, through the column's own mapping (SQLite booleans → 0/1). */
function driverValue(column: Column, value: unknown, key: string): unknown {
  if (value === undefined) throw new TypeError(`insertMany: every row must set "${key}"`);
  return value === null ? null : column.mapToDriverValue(value);
}

/**
 * One column's values in the driver's form. Columns whose mapping does nothing (text, plain
 * integers) keep their array, only checked: a bulk share converts 500,000 values.
 */
function driverValues(column: Column, key: string, values: readonly unknown[]): readonly unknown[] {
  // A copy of drizzle other than this module's only takes the longer way.
  if (column.mapToDriverValue !== Column.prototype.mapToDriverValue)
    return values.map((v) => driverValue(column, v, key));
  for (let i = 0; i < values.length; i++)
    if (values[i] === undefined) throw new TypeError(`insertMany: every row must set "${key}"`);
  return values;
}

/** Rows as columns. The first row names the columns (undefined ones take their default); every later row must set them too. */
export function batchOfRows(table: object, rows: readonly Record<string, unknown>[]): ColumnBatch {
  const all = columnsOf(table);
  const keys = Object.keys(rows[0]).filter((k) => rows[0][k] !== undefined);
  return {
    count: rows.length,
    each: keys.map((k) => {
      const column = columnNamed(table, all, k);
      const values = rows.map((row) => row[k]);
      return { column, values: driverValues(column, k, values) };
    }),
    same: [],
  };
}

/** Column arrays (all of one length) and shared values, checked and in the driver's form. */
export function batchOfColumns(
  table: object,
  each: Record<string, readonly unknown[] | undefined>,
  same: Record<string, unknown>,
): ColumnBatch {
  const all = columnsOf(table);
  const eachKeys = Object.keys(each).filter((k) => each[k] !== undefined);
  if (!eachKeys.length) throw new TypeError("insertColumns: name at least one column in `each`");
  const count = each[eachKeys[0]]!.length;
  const batch: ColumnBatch = { count, each: [], same: [] };
  for (const k of eachKeys) {
    const values = each[k]!;
    if (values.length !== count)
      throw new TypeError(
        `insertColumns: "${k}" has ${values.length} values, "${eachKeys[0]}" has ${count}`,
      );
    const column = columnNamed(table, all, k);
    batch.each.push({ column, values: driverValues(column, k, values) });
  }
  for (const k of Object.keys(same)) {
    if (same[k] === undefined) continue;
    if (eachKeys.includes(k)) throw new TypeError(`insertColumns: "${k}" is in both each and same`);
    const column = columnNamed(table, all, k);
    batch.same.push({ column, value: driverValue(column, same[k], k) });
  }
  return batch;
}
