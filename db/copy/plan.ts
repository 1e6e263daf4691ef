import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

export type TablePlan = {
  name: string;
  columns: { name: string; type: string; boolean: boolean }[];
};

/**
 * The tables in foreign-key dependency order (a table after every table it references),
 * from the PostgreSQL schema's own foreign keys, so a new table needs no list to be kept.
 */
export function copyOrder(tables: PgTable[]): TablePlan[] {
  const configs = new Map(tables.map((t) => [getTableConfig(t).name, getTableConfig(t)]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TablePlan[] = [];
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name))
      throw new Error(`Foreign-key cycle through ${name}: cannot order the copy`);
    visiting.add(name);
    const config = configs.get(name)!;
    for (const fk of config.foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(parent);
    }
    visiting.delete(name);
    done.add(name);
    order.push({
      name,
      columns: config.columns.map((c) => ({
        name: c.name,
        type: c.getSQLType(),
        boolean: c.columnType === "PgBoolean",
      })),
    });
  };
  for (const name of [...configs.keys()].sort()) visit(name);
  return order;
}
