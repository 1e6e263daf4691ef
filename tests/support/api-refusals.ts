import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { ApiResult } from "./api-client";
import { dumpDb } from "./harness";

/** The whole database as text, minus the tokens' last-used stamps every call moves. */
export async function dumpWithoutTokenStamps(db: Db): Promise<string> {
  const all = JSON.parse(await dumpDb(db)) as Record<string, unknown[]>;
  delete all.apiTokens;
  return JSON.stringify(all);
}

/** Hostile input never gets a 500; a refusal is problem+json and writes nothing. */
export async function expectRefusedCleanly(db: Db, res: ApiResult, before: string) {
  expect(res.status, JSON.stringify(res.body)).not.toBe(500);
  if (res.status >= 400) {
    expect(res.type).toBe("application/problem+json");
    expect(res.body).toMatchObject({ status: res.status, detail: expect.any(String) });
    expect(await dumpWithoutTokenStamps(db)).toBe(before);
  }
}
