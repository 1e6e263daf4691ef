import { z } from "zod";

export const SERVICE_KINDS = ["SSH", "HTTP", "HTTPS", "RDP", "VNC", "TCP", "UDP"] as const;
export const DEVICE_KINDS = [
  "Gateway",
  "Sensor",
  "Lock",
  "Router",
  "Camera",
  "Controller",
  "Other",
] as const;

/** "Site A/ Floor 2 " → "Site A / Floor 2": one canonical spelling so filters match. */
export function normalizeGroup(raw: string): string {
  return raw
    .split("/")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .join(" / ");
}

// C0/C1 controls and bidi overrides could disguise a name ("txt.exe" shown as "exe.txt").
export const noControlChars = (s: string) =>
  !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s);

export const deviceNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Name is at most 100 characters.")
  .refine(noControlChars, "Name cannot contain control characters.");

export const hardwareIdSchema = z
  .string({ error: "Enter the hardware ID." })
  .trim()
  .min(1, "Enter the hardware ID.")
  .max(64, "Hardware ID is at most 64 characters.")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9:._-]*$/,
    "Use letters, digits and : . _ - only, e.g. 80:00:00:00:12:34:56:78.",
  );

export const groupSchema = z
  .string()
  .max(200, "Group is at most 200 characters.")
  .refine(noControlChars, "Group cannot contain control characters.")
  .transform(normalizeGroup)
  .optional()
  .default("");

export const deviceInputSchema = z.object({
  name: deviceNameSchema,
  hardwareId: hardwareIdSchema,
  group: groupSchema,
  kind: z
    .enum(DEVICE_KINDS, { error: "Choose a kind from the list." })
    .optional()
    .default("Gateway"),
});
export type DeviceInput = z.infer<typeof deviceInputSchema>;

export const serviceInputSchema = z.object({
  name: z
    .string({ error: "Enter a service name." })
    .trim()
    .min(1, "Enter a service name.")
    .max(60, "Service name is at most 60 characters.")
    .refine(noControlChars, "Service name cannot contain control characters."),
  kind: z.enum(SERVICE_KINDS, { error: `Choose one of ${SERVICE_KINDS.join(", ")}.` }),
  // A number, or digits from a form. (z.coerce would also turn true, [80] or "" into 1, 80 or 0.)
  port: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ error: "Enter a port number." })
      .int("Port must be a whole number.")
      .min(1, "Port must be between 1 and 65535.")
      .max(65535, "Port must be between 1 and 65535."),
  ),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;

export { idSchema } from "@/lib/platform/ids";
