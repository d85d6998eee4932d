// Server reads of the topology and hosts pages and of the business lists, under the keys of
// lib/client/topology/query-keys.ts and lib/client/hosts/query-keys.ts, each the same call as its route.
import "server-only";
import type { TPrincipal } from "@/lib/access/permissions";
import { hostKeys } from "@/lib/client/hosts/query-keys";
import { topologyKeys } from "@/lib/client/topology/query-keys";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { getTopologyTree } from "@/lib/topology/get-topology-tree";
import { listBusinessOverview } from "@/lib/topology/list-business-overview";
import { listBusinesses } from "@/lib/topology/list-businesses";
import { listHosts } from "@/lib/topology/list-hosts";
import type { TPagePrefetch } from "./hydrate-queries";

/** GET /api/console/businesses: the switcher's (and the filters') businesses the user can see. */
export function prefetchBusinesses(principal: TPrincipal): TPagePrefetch {
  return { queryKey: topologyKeys.businesses(), read: () => listBusinesses(principal) };
}

/** GET …/hosts */
export function prefetchHosts(business: TBusinessRef): TPagePrefetch {
  return { queryKey: hostKeys.list(business.id), read: () => listHosts(business.id) };
}

/** GET …/topology */
export function prefetchTopologyTree(business: TBusinessRef): TPagePrefetch {
  return { queryKey: topologyKeys.tree(business.id), read: () => getTopologyTree(business.id) };
}

/** GET /api/console/admin/businesses (global admins: the page checks) */
export function prefetchBusinessOverview(): TPagePrefetch {
  return { queryKey: topologyKeys.businessOverview(), read: () => listBusinessOverview() };
}
