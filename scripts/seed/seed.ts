import { transaction } from "@/db/engine";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services, users, type Device, type Service } from "@/db/schema";
import { hashPassword } from "@/lib/accounts/password";
import { newId } from "@/lib/platform/ids";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { shareDevices } from "@/lib/sharing/share-devices";
import { DAY } from "@/lib/platform/time";

export const DEMO_PASSWORD = "keyshare-demo";
export const DEMO_ACCOUNTS = [
  { email: "olivia@keyshare.demo", name: "Olivia Owner", role: "fleet owner with 36 devices" },
  {
    email: "carl@keyshare.demo",
    name: "Carl Contractor",
    role: "contractor; some of Olivia's devices are shared with him",
  },
  {
    email: "fay@keyshare.demo",
    name: "Fay Family",
    role: "owns a home gateway and a smart lock; has a pending invitation",
  },
] as const;

const FLEET: {
  group: string;
  kind: string;
  prefix: string;
  n: number;
  svc: [string, string, number][];
}[] = [
  {
    group: "Site A / Floor 1",
    kind: "Gateway",
    prefix: "UG65 Gateway A1-",
    n: 4,
    svc: [
      ["SSH", "SSH", 22],
      ["Web console", "HTTPS", 443],
    ],
  },
  {
    group: "Site A / Floor 1",
    kind: "Sensor",
    prefix: "AM307 Air Sensor A1-",
    n: 6,
    svc: [["Web", "HTTP", 80]],
  },
  {
    group: "Site A / Floor 2",
    kind: "Gateway",
    prefix: "UG65 Gateway A2-",
    n: 3,
    svc: [
      ["SSH", "SSH", 22],
      ["Web console", "HTTPS", 443],
    ],
  },
  {
    group: "Site A / Floor 2",
    kind: "Camera",
    prefix: "Lobby Camera A2-",
    n: 3,
    svc: [
      ["Stream", "HTTP", 8080],
      ["VNC", "VNC", 5900],
    ],
  },
  {
    group: "Site B / Warehouse",
    kind: "Router",
    prefix: "UR32 Router B-",
    n: 5,
    svc: [
      ["SSH", "SSH", 22],
      ["Admin", "HTTPS", 443],
      ["RDP jump host", "RDP", 3389],
    ],
  },
  { group: "Site B / Warehouse", kind: "Lock", prefix: "Dock Door Lock B-", n: 6, svc: [] },
  {
    group: "Site B / Office",
    kind: "Controller",
    prefix: "HVAC Controller B-",
    n: 5,
    svc: [
      ["Modbus bridge", "TCP", 502],
      ["Web", "HTTP", 80],
    ],
  },
  { group: "Lab", kind: "Gateway", prefix: "Demo Gateway ", n: 4, svc: [["SSH", "SSH", 22]] },
];

function hw(i: number, salt: number): string {
  const hex = (salt * 0x10000 + i).toString(16).padStart(12, "0").toUpperCase();
  return `80:00:${hex.match(/../g)!.join(":")}`;
}

/** A believable demo, only into an empty database. Returns whether it seeded. */
export async function seedIfEmpty(db: Db, now: number): Promise<boolean> {
  const n = (await db.select({ n: count() }).from(users))[0]?.n ?? 0;
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = DEMO_ACCOUNTS.map(() => newId());
  const deviceRows: Device[] = [];
  const serviceRows: Service[] = [];
  const addDevice = (
    ownerId: string,
    name: string,
    kind: string,
    groupPath: string,
    hardwareId: string,
    demo: boolean,
    svc: [string, string, number][],
  ) => {
    const id = newId();
    deviceRows.push({
      id,
      ownerId,
      name,
      kind,
      groupPath,
      hardwareId,
      demo,
      createdAt: now,
      updatedAt: now,
    });
    for (const [sName, sKind, port] of svc)
      serviceRows.push({
        id: newId(),
        deviceId: id,
        name: sName,
        kind: sKind,
        port,
        createdAt: now,
      });
  };
  let i = 0;
  for (const f of FLEET) {
    for (let k = 1; k <= f.n; k++)
      addDevice(ids[0], `${f.prefix}${k}`, f.kind, f.group, hw(++i, 1), f.group === "Lab", f.svc);
  }
  addDevice(ids[1], "Van Router", "Router", "Vehicles", hw(1, 2), false, [["SSH", "SSH", 22]]);
  addDevice(ids[1], "Workshop Gateway", "Gateway", "Workshop", hw(2, 2), false, [
    ["SSH", "SSH", 22],
    ["Web", "HTTP", 80],
  ]);
  addDevice(ids[2], "Home Gateway", "Gateway", "Home", hw(1, 3), false, [["Web", "HTTP", 80]]);
  addDevice(ids[2], "Front Door Lock", "Lock", "Home", hw(2, 3), false, []);
  await transaction(db, async (tx) => {
    await tx
      .insert(users)
      // Verified: @keyshare.demo receives no mail, and Fay's pending invitation should show.
      .values(
        DEMO_ACCOUNTS.map((a, k) => ({
          id: ids[k],
          email: a.email,
          name: a.name,
          passwordHash,
          emailVerified: now,
          sessionVersion: 0,
          createdAt: now,
        })),
      );
    await tx.insert(devices).values(deviceRows);
    await tx.insert(services).values(serviceRows);
  });
  await seedShares(db, ids, deviceRows, now);
  return true;
}

/** A few shares in every state, so both sides of the portal have something to show. */
async function seedShares(db: Db, [olivia, carl, fay]: string[], rows: Device[], now: number) {
  const named = (prefix: string) => rows.filter((d) => d.name.startsWith(prefix)).map((d) => d.id);
  const as = (id: string, k: number) => ({ id, email: DEMO_ACCOUNTS[k].email, emailVerified: now });
  const users = { carl: as(carl, 1), fay: as(fay, 2), olivia: as(olivia, 0) };
  const toCarl = await shareDevices(db, {
    sharerId: olivia,
    input: {
      recipients: users.carl.email,
      deviceIds: named("UR32 Router B-"),
      permissions: "Operator",
      expiresAt: now + 30 * DAY,
      description: "Warehouse network upgrade",
    },
    now,
  });
  await acceptShare(db, { shareId: toCarl.shares[0].shareId, user: users.carl, now });
  await shareDevices(db, {
    sharerId: olivia,
    input: {
      recipients: users.carl.email,
      deviceIds: named("HVAC Controller B-"),
      permissions: "Manager",
      expiresAt: now + 7 * DAY,
      description: "HVAC service visit",
      message: "Hi Carl, the controllers are yours for the week. Thanks!",
      schedule: {
        weekdays: 31,
        windowStart: 8 * 60,
        windowEnd: 18 * 60,
        timeZone: "Europe/Berlin",
      },
    },
    now,
  });
  await shareDevices(db, {
    sharerId: olivia,
    input: {
      recipients: [users.fay.email, "new.contractor@example.com"],
      deviceIds: named("Lobby Camera A2-"),
      permissions: "Viewer",
      expiresAt: now + 3 * DAY,
      message: "Camera access for the open day.",
    },
    now,
  });
  const fromCarl = await shareDevices(db, {
    sharerId: carl,
    input: {
      recipients: users.olivia.email,
      deviceIds: named("Van Router"),
      permissions: "Viewer",
      expiresAt: null,
    },
    now,
  });
  await acceptShare(db, { shareId: fromCarl.shares[0].shareId, user: users.olivia, now });
}
