// A console GET whose success is a file, not the JSON envelope (the audit CSV export). It runs
// through consoleRoute itself, so the session, the access rule, the query parsing and every error
// reply (401/403/400 in the console envelope) are exactly those of any other console route; only a
// successful reply is swapped for the download the handler made.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { consoleRoute, type TConsoleAccess, type TConsoleContext } from "@/lib/api/console-route";

type TParams = Record<string, string | undefined>;

type TDownloadSpec<TQuery> = {
  access: TConsoleAccess;
  query: z.ZodType<TQuery>;
  handle: (context: TConsoleContext<undefined, TQuery>) => Promise<Response>;
};

export function consoleDownloadRoute<TQuery>(spec: TDownloadSpec<TQuery>) {
  return async (req: NextRequest, route: { params: Promise<TParams> }): Promise<Response> => {
    let download: Response | null = null;
    const reply = await consoleRoute<undefined, TQuery>({
      access: spec.access,
      query: spec.query,
      handle: async (context) => {
        download = await spec.handle(context);
        return null;
      },
    })(req, route);
    return reply.ok && download ? download : reply;
  };
}
