// The domain's database: the engine DATABASE_URL selects (db/engine). Kept as a path so
// `@/db/client` imports read as before; the engine is the implementation.
export { getDb, transaction, type Conn, type Db, type Tx } from "./engine";
