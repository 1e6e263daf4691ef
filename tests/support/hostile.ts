// Arbitraries of input no honest form would send. Each one is invalid for the field it is
// aimed at, so a property "every case is refused" is a real property, not a lucky one.
import fc from "fast-check";

/** Not a string, never null/undefined (some fields accept those as "absent"). */
export const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.date(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(new Map([["a", 1]])),
);
/** Not a string, including null and undefined: for required string fields. */
export const notStringOrMissing = fc.oneof(notString, fc.constant(null), fc.constant(undefined));
/** Not a number, a numeric string or anything that coerces to one. */
export const notNumber = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 2 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
  fc.string().filter((s) => s.trim() === "" || Number.isNaN(Number(s))),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }),
);

const CONTROL = [..."\u0000\u0001\u0007\b\t\n\u000b\u000c\r\u001b\u001f\u007f"];
/** A control character between two visible ones (trimming cannot remove it). */
export const withControlChar = fc
  .tuple(
    fc.string({ maxLength: 20, unit: "grapheme" }),
    fc.constantFrom(...CONTROL),
    fc.string({ maxLength: 20 }),
  )
  .map(([a, c, b]) => `x${a}${c}${b}x`);
/** Longer than `max` UTF-16 units even after trimming, in several scripts. */
export const tooLong = (max: number) =>
  fc
    .tuple(
      fc.constantFrom("x", "é", "😀", "\u202e", "字"),
      fc.integer({ min: max + 1, max: max + 300 }),
    )
    .map(([ch, n]) => ch.repeat(n));
export const blank = fc.constantFrom("", " ", "   ", "\t\n", "\u3000");
/** An id that names nothing in the database: random uuids, unicode soup, SQL and path tricks. */
export const forgedId = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 60, unit: "binary" }).filter((s) => s.trim().length > 0),
  fc.constantFrom(
    "' or 1=1 --",
    "%",
    "_",
    "*",
    "../../etc/passwd",
    "null",
    "undefined",
    "0",
    "__proto__",
    "constructor",
    "\u0000",
  ),
);
/** An id field: forged, wrong type, blank or over 64 characters. */
export const badId = fc.oneof(forgedId, notStringOrMissing, blank, tooLong(64));

/** YYYY-MM-DD strings that are not real days, or real days far outside any allowed range. */
export const badDay = fc
  .oneof(
    fc.tuple(
      fc.integer({ min: 2027, max: 2030 }),
      fc.constantFrom(0, 13, 14, 99),
      fc.integer({ min: 1, max: 28 }),
    ),
    fc.tuple(
      fc.integer({ min: 2027, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom(0, 32, 40, 99),
    ),
    fc.tuple(fc.integer({ min: 2027, max: 2030 }), fc.constant(2), fc.constantFrom(30, 31)),
    fc.tuple(fc.integer({ min: 2027, max: 2030 }), fc.constantFrom(4, 6, 9, 11), fc.constant(31)),
    fc.tuple(
      fc.oneof(fc.integer({ min: 0, max: 2025 }), fc.integer({ min: 2032, max: 9999 })),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    ),
  )
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );

/** Timestamps before `now` or more than five years after it, and non-integers. */
export const badExpiry = (now: number) =>
  fc.oneof(
    fc.integer({ min: -8_640_000_000_000_000, max: now }),
    fc.integer({ min: now + 5 * 366 * 86_400_000, max: 8_640_000_000_000_000 }),
    fc.double({ noInteger: true, min: now + 1000, max: now + 86_400_000, noNaN: true }),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      "",
      "tomorrow",
      "2030-13-01",
      "2030-02-31",
      "1970-01-01",
      "9999-12-31",
      "+275760-09-13T00:00:00Z",
    ),
    fc.boolean(),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
  );

/** Strings that are not email addresses (no "@" at all; split on spaces/commas they stay invalid). */
export const notEmail = fc.oneof(
  fc.string({ minLength: 1 }).filter((s) => !s.includes("@") && s.trim() !== ""),
  fc.constantFrom("@", "a@", "@b.c", "a@@b.c", "a b@c.d,", "<a@b.c>"),
);

/** Anything at all as the whole input, including exotic values a Flight reply can carry. */
export const anyInput = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 2,
});

/** FormData as a crafted request could post it: prototype keys, action ids, blobs. */
export const hostileForm = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "__proto__",
          "constructor",
          "prototype",
          "$ACTION_ID_x",
          "name[]",
          "deviceIds",
          "shareIds[]",
          "toString",
        ),
        fc.string(),
      ),
      fc.oneof(fc.string(), fc.constant(null)),
    ),
    { maxLength: 5 },
  )
  .map((entries) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v ?? new Blob(["x"]));
    return fd;
  });
