import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services, users, type Device, type Service } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/ids";

export const DEMO_PASSWORD = "keyshare-demo";
export const DEMO_ACCOUNTS = [
  { email: "olivia@keyshare.demo", name: "Olivia Owner", role: "fleet owner with 36 devices" },
  { email: "carl@keyshare.demo", name: "Carl Contractor", role: "contractor; some of Olivia's devices are shared with him" },
  { email: "fay@keyshare.demo", name: "Fay Family", role: "owns a home gateway and a smart lock" },
] as const;

const FLEET: { group: string; kind: string; prefix: string; n: number; svc: [string, string, number][] }[] = [
  { group: "Site A / Floor 1", kind: "Gateway", prefix: "UG65 Gateway A1-", n: 4, svc: [["SSH", "SSH", 22], ["Web console", "HTTPS", 443]] },
  { group: "Site A / Floor 1", kind: "Sensor", prefix: "AM307 Air Sensor A1-", n: 6, svc: [["Web", "HTTP", 80]] },
  { group: "Site A / Floor 2", kind: "Gateway", prefix: "UG65 Gateway A2-", n: 3, svc: [["SSH", "SSH", 22], ["Web console", "HTTPS", 443]] },
  { group: "Site A / Floor 2", kind: "Camera", prefix: "Lobby Camera A2-", n: 3, svc: [["Stream", "HTTP", 8080], ["VNC", "VNC", 5900]] },
  { group: "Site B / Warehouse", kind: "Router", prefix: "UR32 Router B-", n: 5, svc: [["SSH", "SSH", 22], ["Admin", "HTTPS", 443], ["RDP jump host", "RDP", 3389]] },
  { group: "Site B / Warehouse", kind: "Lock", prefix: "Dock Door Lock B-", n: 6, svc: [] },
  { group: "Site B / Office", kind: "Controller", prefix: "HVAC Controller B-", n: 5, svc: [["Modbus bridge", "TCP", 502], ["Web", "HTTP", 80]] },
  { group: "Lab", kind: "Gateway", prefix: "Demo Gateway ", n: 4, svc: [["SSH", "SSH", 22]] },
];

function hw(i: number, salt: number): string {
  const hex = (salt * 0x10000 + i).toString(16).padStart(12, "0").toUpperCase();
  return `80:00:${hex.match(/../g)!.join(":")}`;
}

/** A believable demo, only into an empty database. Returns whether it seeded. */
export async function seedIfEmpty(db: Db, now: number): Promise<boolean> {
  const n = db.select({ n: count() }).from(users).get()?.n ?? 0;
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = DEMO_ACCOUNTS.map(() => newId());
  const deviceRows: Device[] = [];
  const serviceRows: Service[] = [];
  const addDevice = (ownerId: string, name: string, kind: string, groupPath: string, hardwareId: string, demo: boolean, svc: [string, string, number][]) => {
    const id = newId();
    deviceRows.push({ id, ownerId, name, kind, groupPath, hardwareId, demo, createdAt: now, updatedAt: now });
    for (const [sName, sKind, port] of svc) serviceRows.push({ id: newId(), deviceId: id, name: sName, kind: sKind, port, createdAt: now });
  };
  let i = 0;
  for (const f of FLEET) {
    for (let k = 1; k <= f.n; k++) addDevice(ids[0], `${f.prefix}${k}`, f.kind, f.group, hw(++i, 1), f.group === "Lab", f.svc);
  }
  addDevice(ids[1], "Van Router", "Router", "Vehicles", hw(1, 2), false, [["SSH", "SSH", 22]]);
  addDevice(ids[1], "Workshop Gateway", "Gateway", "Workshop", hw(2, 2), false, [["SSH", "SSH", 22], ["Web", "HTTP", 80]]);
  addDevice(ids[2], "Home Gateway", "Gateway", "Home", hw(1, 3), false, [["Web", "HTTP", 80]]);
  addDevice(ids[2], "Front Door Lock", "Lock", "Home", hw(2, 3), false, []);
  db.transaction((tx) => {
    tx.insert(users)
      .values(DEMO_ACCOUNTS.map((a, k) => ({ id: ids[k], email: a.email, name: a.name, passwordHash, sessionVersion: 0, createdAt: now })))
      .run();
    tx.insert(devices).values(deviceRows).run();
    tx.insert(services).values(serviceRows).run();
  });
  return true;
}
