// The mixed workload and what it has been told: which shares the server acknowledged (2xx)
// and which it accepted, for the "nothing lost" check once the server is stopped.
import { LOAD_DEVICES, DEVICES_PER_SHARE, MIX, OWNERS, RECIPIENTS } from "./config";
import type { Job } from "./driver";
import { send, type Reply } from "./http";
import { shareBody, type PendingShare, type Seeded } from "./seed";

export type Sessions = { owners: string[]; recipients: string[] };
export type Acknowledged = { sharerIndex: number; recipientEmail: string; devices: number };

/** At most this many open links are kept to visit (the newest). */
const LINK_POOL = 2_000;

export class Workload {
  /** Every share the server answered 200 for, by id. */
  readonly created = new Map<string, Acknowledged>();
  /** Every share the server said it accepted. */
  readonly accepted = new Set<string>();
  shareRequests = 0;
  private readonly pending: PendingShare[];
  private readonly tokens: string[];
  private linkCursor = 0;

  constructor(
    private readonly sessions: Sessions,
    seeded: Seeded,
  ) {
    this.pending = [...seeded.pending];
    this.tokens = [...seeded.tokens];
  }

  /** The mix: request i of a phase. */
  mixed = (i: number): Job => {
    const kind = MIX[i % MIX.length];
    const n = Math.floor(i / MIX.length);
    switch (kind) {
      case "byMe":
        return this.page("byMe", "/shared-by-me", this.sessions.owners[n % OWNERS]);
      case "devices":
        return this.page("devices", "/devices", this.sessions.owners[(n + 1) % OWNERS]);
      case "withMe":
        return this.page("withMe", "/shared-with-me", this.sessions.recipients[n % RECIPIENTS]);
      case "link":
        return this.link();
      case "share":
        return this.share();
      case "accept":
        return (
          this.accept() ??
          this.page("withMe", "/shared-with-me", this.sessions.recipients[n % RECIPIENTS])
        );
      default:
        return this.floor(i);
    }
  };

  /** The floor alone: GET /floor as each owner in turn. */
  floor = (i: number): Job => this.page("floor", "/floor", this.sessions.owners[i % OWNERS]);

  private page(kind: Job["kind"], path: string, cookie: string): Job {
    return { kind, send: () => send({ method: "GET", path, cookie }) };
  }

  /** A link page, signed out (the one way in without an account), from the newest links. */
  private link(): Job {
    const token =
      this.tokens[
        this.tokens.length - 1 - (this.linkCursor++ % Math.min(this.tokens.length, LINK_POOL))
      ];
    return { kind: "link", send: () => send({ method: "GET", path: `/s/${token}` }) };
  }

  /**
   * Share number k: owner k mod OWNERS; within the owner, every (device block, recipient)
   * pair is used once, so no share conflicts with a live one.
   */
  private share(): Job {
    const k = this.shareRequests++;
    const o = k % OWNERS;
    const j = Math.floor(k / OWNERS);
    const r = j % RECIPIENTS;
    const blocks = LOAD_DEVICES / DEVICES_PER_SHARE;
    if (j >= blocks * RECIPIENTS)
      throw new Error("the load ran out of fresh device blocks: raise LOAD_DEVICES");
    const body = shareBody(o, Math.floor(j / RECIPIENTS), r, `${k}`);
    return {
      kind: "share",
      send: () =>
        send({
          method: "POST",
          path: "/load-api/share",
          cookie: this.sessions.owners[o],
          json: body,
          keepBody: true,
        }),
      check: (reply) => this.onShared(reply, o, r, body.recipients.length),
    };
  }

  private onShared(reply: Reply, o: number, r: number, expected: number): boolean {
    const data = JSON.parse(reply.body ?? "{}") as {
      shares?: { shareId: string; recipientEmail: string; token: string }[];
    };
    const shares = data.shares ?? [];
    for (const s of shares) {
      this.created.set(s.shareId, {
        sharerIndex: o,
        recipientEmail: s.recipientEmail,
        devices: DEVICES_PER_SHARE,
      });
      if (s.recipientEmail.startsWith("recipient"))
        this.pending.push({ shareId: s.shareId, recipient: r });
      else this.tokens.push(s.token);
    }
    return shares.length === expected;
  }

  private accept(): Job | null {
    const p = this.pending.shift();
    if (!p) return null;
    return {
      kind: "accept",
      send: () =>
        send({
          method: "POST",
          path: "/load-api/accept",
          cookie: this.sessions.recipients[p.recipient],
          json: { shareId: p.shareId },
        }),
      check: () => (this.accepted.add(p.shareId), true),
    };
  }
}
