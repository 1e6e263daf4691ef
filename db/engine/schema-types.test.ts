// Checked by the type checker (npm run typecheck), not at run time: both schemas infer the
// same row types, so domain code typed against one is right for the other.
import { expectTypeOf, it } from "vitest";
import type * as pg from "@/db/schema-pg";
import type * as sqlite from "@/db/schema-sqlite";

type Rows<S> = { [K in keyof S]: S[K] extends { $inferSelect: infer R } ? R : never };
type Inserts<S> = { [K in keyof S]: S[K] extends { $inferInsert: infer R } ? R : never };

it("infers the same select and insert row types from both schemas", () => {
  expectTypeOf<Rows<typeof pg>>().toEqualTypeOf<Rows<typeof sqlite>>();
  expectTypeOf<Inserts<typeof pg>>().toEqualTypeOf<Inserts<typeof sqlite>>();
  expectTypeOf<pg.User>().toEqualTypeOf<sqlite.User>();
  expectTypeOf<pg.Share>().toEqualTypeOf<sqlite.Share>();
  expectTypeOf<pg.ShareItem>().toEqualTypeOf<sqlite.ShareItem>();
  expectTypeOf<pg.SharingPolicyRow>().toEqualTypeOf<sqlite.SharingPolicyRow>();
});
