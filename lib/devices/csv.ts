import { transaction } from "@/db/engine";
import { parse } from "csv-parse/sync";
import type { Db } from "@/db/client";
import { devices, services, type Device, type Service } from "@/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { newId } from "@/lib/platform/ids";
import {
  deviceInputSchema,
  serviceInputSchema,
  type DeviceInput,
  type ServiceInput,
} from "@/lib/devices/validation";

export const CSV_MAX_ROWS = 10_000;
export const CSV_COLUMNS = ["name", "hardware_id", "group", "kind", "services"] as const;

export type CsvLineError = { line: number; message: string };
export type CsvDevice = DeviceInput & { services: ServiceInput[]; line: number };

/** "SSH:22; Admin=HTTPS:443" → services; a name defaults to its kind. */
function parseServices(cell: string): { services: ServiceInput[]; error?: string } {
  const out: ServiceInput[] = [];
  for (const part of cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(?:([^=]+)=)?\s*([A-Za-z]+)\s*:\s*(\S+)$/.exec(part);
    if (!m) return { services: [], error: `service "${part}" is not Kind:Port or Name=Kind:Port` };
    const parsed = serviceInputSchema.safeParse({
      name: (m[1] ?? m[2]).trim(),
      kind: m[2].toUpperCase(),
      port: m[3],
    });
    if (!parsed.success)
      return { services: [], error: `service "${part}": ${parsed.error.issues[0].message}` };
    out.push(parsed.data);
  }
  return { services: out };
}

/** Parses the whole file; every bad line is reported by its number (1 = the header line). */
export function parseDeviceCsv(text: string): { devices: CsvDevice[]; errors: CsvLineError[] } {
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return {
      devices: [],
      errors: [{ line, message: `not valid CSV (${(e as Error).message.split(":")[0]})` }],
    };
  }
  if (records.length === 0)
    return { devices: [], errors: [{ line: 1, message: "the file is empty" }] };
  const header = records[0].map((h) => h.toLowerCase().replace(/[\s-]+/g, "_"));
  const hasHeader = header.includes("name");
  const cols = hasHeader ? header : ["name", "hardware_id", "group", "services"];
  const at = (row: string[], col: string) => {
    const i = cols.indexOf(col);
    return i >= 0 ? (row[i] ?? "") : "";
  };
  const rows = hasHeader ? records.slice(1) : records;
  const offset = hasHeader ? 2 : 1;
  if (rows.length > CSV_MAX_ROWS) {
    return {
      devices: [],
      errors: [{ line: 1, message: `at most ${CSV_MAX_ROWS} devices per import` }],
    };
  }
  const result: CsvDevice[] = [];
  const errors: CsvLineError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + offset;
    const parsed = deviceInputSchema.safeParse({
      name: at(row, "name"),
      hardwareId: at(row, "hardware_id") || at(row, "hardwareid"),
      group: at(row, "group"),
      kind: at(row, "kind") || undefined,
    });
    if (!parsed.success) {
      errors.push({ line, message: parsed.error.issues.map((x) => x.message).join(" ") });
      return;
    }
    const svc = parseServices(at(row, "services"));
    if (svc.error) {
      errors.push({ line, message: svc.error });
      return;
    }
    const hw = parsed.data.hardwareId.toLowerCase();
    if (seen.has(hw)) {
      errors.push({
        line,
        message: `hardware ID ${parsed.data.hardwareId} is also on line ${seen.get(hw)}`,
      });
      return;
    }
    seen.set(hw, line);
    result.push({ ...parsed.data, services: svc.services, line });
  });
  return { devices: result, errors };
}

/** All or nothing: any bad line (or a hardware ID the owner already has) writes nothing. */
export async function importDevices(
  db: Db,
  ownerId: string,
  text: string,
  now: number,
): Promise<{ created: number; errors: CsvLineError[] }> {
  const { devices: parsed, errors } = parseDeviceCsv(text);
  if (errors.length === 0 && parsed.length === 0)
    errors.push({ line: 1, message: "no devices found in the file" });
  if (errors.length) return { created: 0, errors };
  // IMMEDIATE: it reads (existing hardware ids) before it writes; deferred, a concurrent
  // writer would make it fail with "database is locked" instead of waiting its turn.
  return transaction(db, async (tx) => {
    const existing = new Set<string>();
    for (let i = 0; i < parsed.length; i += 500) {
      const chunk = parsed.slice(i, i + 500).map((d) => d.hardwareId);
      (
        await tx
          .select({ hw: devices.hardwareId })
          .from(devices)
          .where(and(eq(devices.ownerId, ownerId), inArray(devices.hardwareId, chunk)))
      ).forEach((r) => existing.add(r.hw));
    }
    const dupErrors = parsed
      .filter((d) => existing.has(d.hardwareId))
      .map((d) => ({
        line: d.line,
        message: `you already have a device with hardware ID ${d.hardwareId}`,
      }));
    if (dupErrors.length) return { created: 0, errors: dupErrors };
    const deviceRows: Device[] = [];
    const serviceRows: Service[] = [];
    for (const d of parsed) {
      const id = newId();
      deviceRows.push({
        id,
        ownerId,
        name: d.name,
        hardwareId: d.hardwareId,
        kind: d.kind,
        groupPath: d.group,
        demo: false,
        createdAt: now,
        updatedAt: now,
      });
      for (const s of d.services)
        serviceRows.push({
          id: newId(),
          deviceId: id,
          name: s.name,
          kind: s.kind,
          port: s.port,
          createdAt: now,
        });
    }
    for (let i = 0; i < deviceRows.length; i += 500)
      await tx.insert(devices).values(deviceRows.slice(i, i + 500));
    for (let i = 0; i < serviceRows.length; i += 500)
      await tx.insert(services).values(serviceRows.slice(i, i + 500));
    return { created: deviceRows.length, errors: [] };
  });
}
