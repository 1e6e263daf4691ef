// POST /shares/{id}/<action>: run the write, answer with the share as the caller now sees it.
import type { Conn } from "@/db/engine";
import { apiRoute, type ApiContext } from "./handler";
import type { ApiOperation } from "./operation";
import { loadApiShare } from "./share-detail";

type After = (db: Conn) => void | Promise<void>;
type Outcome = { link?: string; after?: After } | After | void;

export function shareActionRoute<Op extends ApiOperation>(
  op: Op,
  run: (ctx: ApiContext<Op> & { shareId: string }) => Outcome | Promise<Outcome>,
) {
  return apiRoute(op, async (ctx) => {
    const shareId = (ctx.params as { id: string }).id;
    const out = await run({ ...ctx, shareId });
    const { link, after } =
      typeof out === "function" ? { link: undefined, after: out } : (out ?? {});
    const share = await loadApiShare(ctx.db, ctx.user, shareId, ctx.now);
    return { body: link ? { share, link } : { share }, after };
  });
}
