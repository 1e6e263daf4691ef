// zod schemas of the API's requests and answers. Route handlers validate with them and
// lib/api/openapi.ts turns the same objects into the OpenAPI document.
import { z } from "zod";
import { EFFECTIVE_STATUSES } from "@/lib/sharing/status";
import { idSchema } from "@/lib/platform/ids";
import { OPERATIONS, PRESET_NAMES } from "@/lib/sharing/permissions";
import { MAX_GROUPS_PER_SHARE } from "@/lib/groups/validation";

export const MAX_PAGE = 100;

export const idParam = z.object({
  id: idSchema.meta({ description: "The id, as shown in the portal's URLs." }),
});

export const cursorSchema = z
  .string()
  .max(200)
  .optional()
  .meta({ description: "The `nextCursor` of the previous page; omit for the first page." });

export const limitSchema = z.coerce
  .number({ error: "limit must be a whole number." })
  .int("limit must be a whole number.")
  .min(1, "limit is at least 1.")
  .max(MAX_PAGE, `limit is at most ${MAX_PAGE}.`)
  .default(50);

const isoDate = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date-time." });

export const operationSchema = z.enum(OPERATIONS).meta({ id: "Operation" });
export const statusSchema = z.enum(EFFECTIVE_STATUSES).meta({ id: "ShareStatus" });

// ---- devices ---------------------------------------------------------------------------

export const serviceSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), port: z.number().int() })
  .meta({ id: "Service" });

export const deviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    hardwareId: z.string(),
    kind: z.string(),
    group: z.string(),
    createdAt: isoDate,
  })
  .meta({ id: "Device" });

export const deviceDetailSchema = deviceSchema
  .extend({ services: z.array(serviceSchema) })
  .meta({ id: "DeviceWithServices" });

export const devicePageSchema = z
  .object({ items: z.array(deviceSchema), nextCursor: z.string().nullable() })
  .meta({ id: "DevicePage" });

export const deviceListQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Text in name, hardware id, group or kind." }),
  group: z.string().max(200).optional().meta({ description: "A group and its sub-groups." }),
  cursor: cursorSchema,
  limit: limitSchema,
});

export const newDeviceBody = z
  .object({
    name: z.string().max(200),
    hardwareId: z.string().max(200),
    group: z.string().max(200).optional(),
    kind: z.string().max(50).optional(),
  })
  .meta({ id: "NewDevice" });

// ---- shares ----------------------------------------------------------------------------

export const scheduleSchema = z
  .object({
    startsAt: isoDate.nullable().optional(),
    weekdays: z
      .array(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))
      .min(1)
      .max(7)
      .nullable()
      .optional()
      .meta({ description: "Days access is allowed; null or absent = every day." }),
    windowStart: z
      .string()
      .regex(/^\d{2}:\d{2}$/, "Use HH:MM.")
      .nullable()
      .optional()
      .meta({ description: "Daily window start, HH:MM in timeZone." }),
    windowEnd: z
      .string()
      .regex(/^\d{2}:\d{2}$/, "Use HH:MM.")
      .nullable()
      .optional(),
    timeZone: z.string().max(64).optional().meta({ description: "IANA zone; default UTC." }),
    remoteAccess: z.boolean().optional().meta({ description: "false = on-site use only." }),
  })
  .meta({ id: "Schedule" });

export const newShareBody = z
  .object({
    deviceIds: z.array(z.string().max(64)).min(1).max(10_000),
    recipients: z
      .array(z.string().max(254))
      .max(500)
      .optional()
      .meta({ description: "Emails: one share each. Recipients, groups, or both." }),
    groups: z
      .array(z.string().max(64))
      .max(MAX_GROUPS_PER_SHARE)
      .optional()
      .meta({
        description:
          "Ids of your groups: one share each, active at once for every member (members never " +
          "accept), resolved live as members come and go.",
      }),
    permissions: z
      .union([z.enum(PRESET_NAMES), z.array(operationSchema).min(1)])
      .meta({ description: "A preset name or a list of operations." }),
    expiresAt: isoDate.nullable().meta({ description: "ISO 8601, or null for permanent." }),
    schedule: scheduleSchema.nullable().optional(),
    services: z
      .record(z.string(), z.union([z.literal("all"), z.array(z.string().max(64)).min(1)]))
      .optional()
      .meta({ description: 'Per device id: a list of service ids, or "all" (the default).' }),
    description: z.string().max(500).optional(),
    notify: z.boolean().optional().meta({ description: "Email each recipient their link." }),
    message: z.string().max(2000).optional(),
    skipConflicts: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "NewShare" });

export const createdSharesSchema = z
  .object({
    shares: z.array(
      z.object({
        id: z.string(),
        recipientEmail: z.string(),
        status: statusSchema,
        link: z.string().meta({ description: "The single-use sharing link." }),
      }),
    ),
    skipped: z.array(
      z.object({ deviceId: z.string(), recipientEmail: z.string(), existingShareId: z.string() }),
    ),
    groupShares: z.array(
      z.object({
        id: z.string(),
        groupId: z.string(),
        groupName: z.string(),
        memberCount: z.number().int(),
        status: statusSchema,
      }),
    ),
    directKept: z
      .array(
        z.object({
          deviceId: z.string(),
          memberEmail: z.string(),
          groupId: z.string(),
          existingShareId: z.string(),
        }),
      )
      .meta({
        description:
          "With skipConflicts: group members who already hold a live direct share of a device " +
          "from you. The group share still holds the device; their direct share governs them.",
      }),
  })
  .meta({ id: "CreatedShares" });

export const shareSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["outgoing", "incoming"]),
    status: statusSchema,
    sharer: z.object({ id: z.string(), name: z.string(), email: z.string() }).optional(),
    recipientEmail: z.string(),
    permissions: z.array(operationSchema),
    preset: z.string(),
    expiresAt: isoDate.nullable(),
    createdAt: isoDate,
    acceptedAt: isoDate.nullable(),
    endedAt: isoDate.nullable(),
    description: z.string(),
    deviceCount: z.number().int(),
    schedule: scheduleSchema.nullable(),
  })
  .meta({ id: "Share" });

export const sharePageSchema = z
  .object({ items: z.array(shareSchema), nextCursor: z.string().nullable() })
  .meta({ id: "SharePage" });

export const activityItemSchema = z
  .object({
    id: z.string(),
    shareId: z.string(),
    type: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    data: z.unknown(),
    createdAt: isoDate,
  })
  .meta({ id: "ActivityEvent" });

export const shareDetailSchema = shareSchema
  .extend({
    devices: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        hardwareId: z.string(),
        kind: z.string(),
        group: z.string(),
        services: z.union([z.literal("all"), z.array(serviceSchema)]),
        removedAt: isoDate.nullable(),
      }),
    ),
    activity: z.array(activityItemSchema).optional().meta({ description: "Sharer only." }),
  })
  .meta({ id: "ShareDetail" });

export const shareListQuery = z.object({
  direction: z.enum(["outgoing", "incoming"]).default("outgoing"),
  status: statusSchema.optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Text in the recipient, sharer, description or a device's name." }),
  deviceId: z
    .string()
    .max(64)
    .optional()
    .meta({ description: "Only shares holding this device (not removed)." }),
  cursor: cursorSchema,
  limit: limitSchema,
});

export const extendBody = z.object({ expiresAt: isoDate }).strict().meta({ id: "Extend" });
export const cancelBody = z
  .object({
    deviceIds: z
      .array(z.string().max(64))
      .min(1)
      .max(10_000)
      .optional()
      .meta({ description: "Only these devices; absent = the whole share." }),
  })
  .strict()
  .meta({ id: "Cancel" });
export const addDevicesBody = z
  .object({
    deviceIds: z.array(z.string().max(64)).min(1).max(10_000),
    services: newShareBody.shape.services,
  })
  .strict()
  .meta({ id: "AddDevices" });
export const emptyBody = z.object({}).strict();

export const shareAnswerSchema = z
  .object({ share: shareDetailSchema, link: z.string().optional() })
  .meta({ id: "ShareAnswer" });

// ---- access and activity ---------------------------------------------------------------

export const accessQuery = z.object({
  deviceId: idSchema,
  email: z.string().max(254).pipe(z.email()),
  operation: operationSchema.default("view"),
  service: z.string().max(64).optional().meta({ description: "A service id of the device." }),
  at: isoDate.optional().meta({ description: "When; default now." }),
});

export const accessAnswerSchema = z
  .object({
    allowed: z.boolean(),
    reason: z.string().meta({ description: "owner, shared, or why not (as in the portal)." }),
    shareId: z.string().optional(),
    via: z
      .string()
      .optional()
      .meta({ description: "The group the access comes through (shared via group <via>)." }),
    overrides: z
      .array(z.string())
      .optional()
      .meta({ description: "Groups whose shares a direct share takes precedence over." }),
    until: isoDate.optional(),
  })
  .meta({ id: "AccessAnswer" });

export const activityQuery = z.object({
  type: z
    .enum([
      "shared",
      "accepted",
      "declined",
      "extended",
      "devices_added",
      "devices_removed",
      "cancelled",
      "left",
      "expired",
      "suspended",
      "resumed",
      "link_regenerated",
    ])
    .optional(),
  recipient: z.string().max(200).optional(),
  from: z.iso.date().optional().meta({ description: "First UTC day, YYYY-MM-DD." }),
  to: z.iso.date().optional().meta({ description: "Last UTC day, YYYY-MM-DD." }),
  cursor: cursorSchema,
  limit: limitSchema,
});

export const activityPageSchema = z
  .object({ items: z.array(activityItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: "ActivityPage" });
