import { describe, expect, it } from "vitest";
import { freshDb } from "@/tests/support/db/fresh";
import { devices, services } from "@/db/schema";
import { makeUser } from "@/lib/sharing/test-fixtures";
import { importDevices, parseDeviceCsv } from "./csv";

describe("device CSV import", () => {
  it("parses a header, groups and services in both forms", () => {
    const { devices: rows, errors } = parseDeviceCsv(
      "name,hardware_id,group,services\nPump 1,AA:01, Plant/ North ,SSH:22; Admin=https:443\n",
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      name: "Pump 1",
      hardwareId: "AA:01",
      group: "Plant / North",
      line: 2,
    });
    expect(rows[0].services).toEqual([
      { name: "SSH", kind: "SSH", port: 22 },
      { name: "Admin", kind: "HTTPS", port: 443 },
    ]);
  });

  it("reports every bad line by number, including duplicates inside the file", () => {
    const text = ["name,hardware_id", "Ok,AA:01", ",AA:02", "Bad port,AA:03", "Dup,AA:01"]
      .join("\n")
      .replace("AA:03", "AA:03,,SSH:0");
    const { errors } = parseDeviceCsv(
      text.replace("name,hardware_id", "name,hardware_id,group,services"),
    );
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[2].message).toMatch(/also on line 2/);
  });

  it("writes nothing when any line is bad or a hardware ID already exists", async () => {
    const db = await freshDb();
    const me = await makeUser(db, { email: "me@example.com" });
    expect((await importDevices(db, me.id, "name,hardware_id\nA,AA:01\n,AA:02", 1)).created).toBe(
      0,
    );
    expect(await db.select().from(devices)).toHaveLength(0);
    expect(
      await importDevices(
        db,
        me.id,
        "name,hardware_id,group,services\nA,AA:01,,SSH:22\nB,AA:02,,",
        1,
      ),
    ).toEqual({ created: 2, errors: [] });
    expect(await db.select().from(services)).toHaveLength(1);
    const again = await importDevices(db, me.id, "name,hardware_id\nC,AA:03\nA2,AA:01", 1);
    expect(again.created).toBe(0);
    expect(again.errors).toEqual([
      { line: 3, message: "you already have a device with hardware ID AA:01" },
    ]);
    expect(await db.select().from(devices)).toHaveLength(2);
  });
});

describe("device names", () => {
  it("refuse control and bidi-override characters that could disguise them", () => {
    for (const bad of ["Gate\u202Eexe.txt", "Gate\u0085", "Gate\u2067x"]) {
      expect(parseDeviceCsv(`name,hardware_id\n${bad},AA:01`).errors[0].message).toMatch(
        /control characters/,
      );
    }
  });
});
