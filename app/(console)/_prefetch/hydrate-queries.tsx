// The server half of a console page's first view: the page's queries are answered here, on the server,
// by the very domain functions the console API routes call (the page has already made the routes'
// permission checks with its page guards), turned into exactly what the route would send
// (toConsoleWireData), and handed to TanStack Query under the keys of lib/client/*/query-keys.ts. The
// client components then render with data at once instead of fetching after their JS has loaded.
// A read that fails is left out: the component fetches it itself and shows the API's own error.
import "server-only";
import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { toConsoleWireData } from "@/lib/api/console-envelope";

export type TPagePrefetch = {
  queryKey: QueryKey;
  read: () => Promise<unknown>;
  /** an infinite query (useInfiniteQuery): `read` is its first page, asked with pageParam null */
  isInfinite?: boolean;
  /** reads that need this one's answer (as the client has it: wire data), e.g. the live states of a list's rows */
  then?: (data: unknown) => (TPagePrefetch | null)[];
};

type TProps = { prefetches: (TPagePrefetch | null)[]; children: React.ReactNode };

export async function HydrateQueries({ prefetches, children }: TProps) {
  // one client per request, never shared; a failed read is not retried (the browser will ask)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  await Promise.all(prefetches.map((prefetch) => runPrefetch(queryClient, prefetch)));
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}

async function runPrefetch(queryClient: QueryClient, prefetch: TPagePrefetch | null): Promise<void> {
  if (!prefetch) return;
  const queryFn = async () => toConsoleWireData(await prefetch.read());
  if (prefetch.isInfinite) await queryClient.prefetchInfiniteQuery({ queryKey: prefetch.queryKey, queryFn, initialPageParam: null });
  else await queryClient.prefetchQuery({ queryKey: prefetch.queryKey, queryFn });
  if (!prefetch.then) return;
  // a failed read has no data: what follows from it is left to the browser too
  const data = queryClient.getQueryData(prefetch.queryKey);
  if (data === undefined) return;
  await Promise.all(prefetch.then(data).map((next) => runPrefetch(queryClient, next)));
}

/** A page's searchParams as the URLSearchParams the client's useSearchParams() gives its views. */
export function toSearchParams(searchParams: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** The query the client sends, parsed as its route parses it; null (no prefetch) when the route would refuse it. */
export function parseRouteQuery<T>(schema: z.ZodType<T>, query: URLSearchParams): T | null {
  const parsed = schema.safeParse(Object.fromEntries(query));
  return parsed.success ? parsed.data : null;
}
