import { describe, expect, it } from "vitest";
import { freshDb } from "@/tests/support/db/fresh";
import { addService, createDevice } from "./mutations";
import { listGroups, listOwnedDevices, matchingDeviceIds } from "./queries";
import { makeUser } from "@/lib/sharing/test-fixtures";

describe("listOwnedDevices", () => {
  it("filters by group (with sub-groups) and text, counts services, and never shows another owner's devices", async () => {
    const db = await freshDb();
    const me = await makeUser(db, { email: "me@example.com" });
    const other = await makeUser(db, { email: "other@example.com" });
    const pump = await createDevice(
      db,
      me.id,
      { name: "North Pump", hardwareId: "AA:01", group: "Plant / North", kind: "Gateway" },
      1,
    );
    await createDevice(
      db,
      me.id,
      { name: "South_Pump", hardwareId: "AA:02", group: "Plant / South", kind: "Sensor" },
      1,
    );
    await createDevice(
      db,
      me.id,
      { name: "Office Router", hardwareId: "AA:03", group: "Office", kind: "Router" },
      1,
    );
    await createDevice(
      db,
      other.id,
      { name: "North Secret", hardwareId: "AA:01", group: "Plant / North", kind: "Gateway" },
      1,
    );
    await addService(db, me.id, pump.id, { name: "SSH", kind: "SSH", port: 22 }, 1);
    await addService(db, me.id, pump.id, { name: "Web", kind: "HTTP", port: 80 }, 1);

    const plant = await listOwnedDevices(db, { ownerId: me.id, group: "Plant" });
    expect(plant.rows.map((d) => d.name)).toEqual(["North Pump", "South_Pump"]);
    expect(plant.rows[0].serviceCount).toBe(2);
    expect(plant.rows[1].serviceCount).toBe(0);
    expect(
      (await listOwnedDevices(db, { ownerId: me.id, q: "north" })).rows.map((d) => d.name),
    ).toEqual(["North Pump"]);
    // % and _ are taken literally.
    expect(
      (await listOwnedDevices(db, { ownerId: me.id, q: "_" })).rows.map((d) => d.name),
    ).toEqual(["South_Pump"]);
    expect(await matchingDeviceIds(db, { ownerId: me.id, q: "pump" })).toHaveLength(2);
    // The same on both engines: text in any case, a group only in its own case ("plant" is not
    // "Plant"; SQLite's LIKE would have matched it), and "Plant / North" is not inside "Plan".
    expect(
      (await listOwnedDevices(db, { ownerId: me.id, q: "NORTH pump" })).rows.map((d) => d.name),
    ).toEqual(["North Pump"]);
    expect((await listOwnedDevices(db, { ownerId: me.id, group: "plant" })).rows).toEqual([]);
    expect((await listOwnedDevices(db, { ownerId: me.id, group: "Plan" })).rows).toEqual([]);
    expect(
      (await listOwnedDevices(db, { ownerId: me.id, group: "Plant / North" })).rows.map(
        (d) => d.name,
      ),
    ).toEqual(["North Pump"]);
    expect(await listGroups(db, me.id)).toEqual([
      "Office",
      "Plant",
      "Plant / North",
      "Plant / South",
    ]);
    const paged = await listOwnedDevices(db, { ownerId: me.id, page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(paged.rows).toHaveLength(1);
  });
});
