// POST /shares/{id}/<action>: run the write, answer with the share as the caller now sees it.
import { apiRoute, type ApiContext } from "./handler";
import type { ApiOperation } from "./operation";
import { loadApiShare } from "./share-detail";

type Outcome = { link?: string; after?: () => void } | (() => void) | void;

export function shareActionRoute<Op extends ApiOperation>(
  op: Op,
  run: (ctx: ApiContext<Op> & { shareId: string }) => Outcome,
) {
  return apiRoute(op, (ctx) => {
    const shareId = (ctx.params as { id: string }).id;
    const out = run({ ...ctx, shareId });
    const { link, after } =
      typeof out === "function" ? { link: undefined, after: out } : (out ?? {});
    const share = loadApiShare(ctx.db, ctx.user, shareId, ctx.now);
    return { body: link ? { share, link } : { share }, after };
  });
}
