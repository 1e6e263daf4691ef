// A migrated database's shape read from its live catalogue, normalised so a SQLite and a
// PostgreSQL database with the same schema come out equal (db/engine/schema-drift.test.ts).
import type Database from "better-sqlite3";
import type pg from "pg";

export type ColumnShape = { type: string; notNull: boolean; default: string | null };
export type IndexShape = { columns: string[]; unique: boolean; where: string | null };
export type ForeignKeyShape = {
  columns: string[];
  references: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, IndexShape>;
  foreignKeys: ForeignKeyShape[];
};
export type Catalogue = Record<string, TableShape>;

/** text / int / bool: SQLite's integer holds PG's integer, bigint and (as 0/1) boolean. */
function normType(raw: string): string {
  const t = raw.toLowerCase();
  if (t === "text") return "text";
  if (["integer", "bigint", "smallint", "int"].includes(t)) return "int";
  if (t === "boolean") return "bool";
  return t;
}

function normDefault(raw: string | null, type: string): string | null {
  if (raw === null) return null;
  let d = raw.trim().replace(/::[a-z ]+$/i, "");
  while (/^\(.*\)$/.test(d)) d = d.slice(1, -1);
  if (type === "bool") d = { "0": "false", "1": "true" }[d] ?? d.toLowerCase();
  return d;
}

/** `"share_items"."live" = 1` (SQLite) and `(live = 1)` (PostgreSQL) both become `live = 1`. */
function normWhere(raw: string | null): string | null {
  if (!raw) return null;
  return raw
    .replace(/"/g, "")
    .replace(/\b\w+\./g, "")
    .replace(/[()]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const normAction = (a: string) => a.toLowerCase();
const sortFks = (fks: ForeignKeyShape[]) =>
  fks.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/**
 * `booleans` lists "table.column" pairs declared `integer({ mode: "boolean" })` in db/schema.ts:
 * the one thing SQLite's catalogue cannot say (it stores them as integer).
 */
export function sqliteCatalogue(db: Database.Database, booleans: Set<string>): Catalogue {
  const out: Catalogue = {};
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .all() as { name: string }[];
  for (const { name: table } of tables) {
    const cols = db.pragma(`table_info("${table}")`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const columns: Record<string, ColumnShape> = {};
    for (const c of cols) {
      const type = booleans.has(`${table}.${c.name}`) ? "bool" : normType(c.type);
      columns[c.name] = {
        type,
        notNull: c.notnull === 1,
        default: normDefault(c.dflt_value, type),
      };
    }
    const primaryKey = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const indexes: Record<string, IndexShape> = {};
    for (const idx of db.pragma(`index_list("${table}")`) as {
      name: string;
      unique: number;
      origin: string;
    }[]) {
      if (idx.origin === "pk") continue;
      const info = (
        db.pragma(`index_info("${idx.name}")`) as { seqno: number; name: string }[]
      ).sort((a, b) => a.seqno - b.seqno);
      const sql =
        (
          db
            .prepare("select sql from sqlite_master where type = 'index' and name = ?")
            .get(idx.name) as { sql: string | null } | undefined
        )?.sql ?? "";
      indexes[idx.name] = {
        columns: info.map((i) => i.name),
        unique: idx.unique === 1,
        where: normWhere(/\bwhere\b([\s\S]*)$/i.exec(sql)?.[1] ?? null),
      };
    }
    const byId = new Map<number, ForeignKeyShape>();
    for (const fk of db.pragma(`foreign_key_list("${table}")`) as {
      id: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
      on_update: string;
    }[]) {
      let f = byId.get(fk.id);
      if (!f)
        byId.set(
          fk.id,
          (f = {
            columns: [],
            references: fk.table,
            referencedColumns: [],
            onDelete: normAction(fk.on_delete),
            onUpdate: normAction(fk.on_update),
          }),
        );
      f.columns.push(fk.from);
      f.referencedColumns.push(fk.to);
    }
    out[table] = { columns, primaryKey, indexes, foreignKeys: sortFks([...byId.values()]) };
  }
  return out;
}

const PG_ACTIONS: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

export async function pgCatalogue(client: pg.Client, schema = "public"): Promise<Catalogue> {
  const out: Catalogue = {};
  const tables = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name",
    [schema],
  );
  for (const { table_name } of tables.rows)
    out[table_name] = { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] };

  const cols = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    "select table_name, column_name, data_type, is_nullable, column_default " +
      "from information_schema.columns where table_schema = $1 order by table_name, ordinal_position",
    [schema],
  );
  for (const c of cols.rows) {
    const type = normType(c.data_type);
    out[c.table_name].columns[c.column_name] = {
      type,
      notNull: c.is_nullable === "NO",
      default: normDefault(c.column_default, type),
    };
  }

  const attnames = (rel: string, keys: string) =>
    `array(select a.attname::text from unnest(${keys}) with ordinality k(n, i) ` +
    `join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.n order by k.i)`;
  const cons = await client.query<{
    tbl: string;
    contype: string;
    ref: string | null;
    cols: string[];
    refcols: string[];
    del: string;
    upd: string;
  }>(
    `select t.relname as tbl, c.contype, r.relname as ref, ${attnames("c.conrelid", "c.conkey")} as cols,
       ${attnames("c.confrelid", "c.confkey")} as refcols, c.confdeltype as del, c.confupdtype as upd
     from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
     left join pg_class r on r.oid = c.confrelid
     where n.nspname = $1 and c.contype in ('p', 'f')`,
    [schema],
  );
  for (const c of cons.rows) {
    if (c.contype === "p") out[c.tbl].primaryKey = c.cols;
    else
      out[c.tbl].foreignKeys.push({
        columns: c.cols,
        references: c.ref!,
        referencedColumns: c.refcols,
        onDelete: PG_ACTIONS[c.del],
        onUpdate: PG_ACTIONS[c.upd],
      });
  }
  for (const t of Object.values(out)) sortFks(t.foreignKeys);

  const idx = await client.query<{
    tbl: string;
    name: string;
    unique: boolean;
    pred: string | null;
    cols: string[];
  }>(
    `select t.relname as tbl, i.relname as name, x.indisunique as unique, pg_get_expr(x.indpred, x.indrelid) as pred,
       ${attnames("x.indrelid", "x.indkey::int2[]")} as cols
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = $1 and not x.indisprimary`,
    [schema],
  );
  for (const i of idx.rows)
    out[i.tbl].indexes[i.name] = { columns: i.cols, unique: i.unique, where: normWhere(i.pred) };
  return out;
}
