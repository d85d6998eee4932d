// Permission matrix cases of topology administration and agents: businesses (global admins), sets,
// modules, host placement and CSV import (business admins), the hosts list, enrolment tokens and
// agent revocation. Destructive cases make their own throw-away target in `build`.
import { sql, uniqueName } from "../../support/cmdb-client";
import { freshTestIp, insertBusiness, insertHost, insertModule, insertSet } from "../../support/topology";
import type { TRouteCase } from "../route-case";

const biz = (bizId: number) => `/api/console/businesses/${bizId}`;

/** A set with one module in the matrix business, made for one destructive call. */
async function throwAwayModule(bizId: number): Promise<{ setId: number; moduleId: number }> {
  const setId = await insertSet(bizId, uniqueName("mx-topo-set"));
  const moduleId = await insertModule(bizId, setId, uniqueName("mx-topo-mod"));
  return { setId, moduleId };
}

export const TOPOLOGY_CASES: TRouteCase[] = [
  // ------------------------------------------------------------------ businesses (global admins)
  { route: "/api/console/admin/businesses", method: "GET", surface: "console", needs: "global-admin", build: () => ({ path: "/api/console/admin/businesses" }) },
  {
    route: "/api/console/admin/businesses",
    method: "POST",
    surface: "console",
    needs: "global-admin",
    build: () => ({ path: "/api/console/admin/businesses", body: { name: uniqueName("mx-biz") } }),
  },
  {
    route: "/api/console/admin/businesses/[bizId]",
    method: "PATCH",
    surface: "console",
    needs: "global-admin",
    build: async () => ({ path: `/api/console/admin/businesses/${await insertBusiness("mx-rename")}`, body: { name: uniqueName("mx-renamed") } }),
  },
  {
    route: "/api/console/admin/businesses/[bizId]",
    method: "DELETE",
    surface: "console",
    needs: "global-admin",
    build: async () => ({ path: `/api/console/admin/businesses/${await insertBusiness("mx-delete")}` }),
  },
  // who carries out a business's operations (lib/operations/dispatch/): a throw-away business, so the
  // matrix's own business keeps Procdeck's agents
  {
    route: "/api/console/admin/businesses/[bizId]/dispatch",
    method: "GET",
    surface: "console",
    needs: "global-admin",
    build: async () => ({ path: `/api/console/admin/businesses/${await insertBusiness("mx-dispatch")}/dispatch` }),
  },
  {
    route: "/api/console/admin/businesses/[bizId]/dispatch",
    method: "PUT",
    surface: "console",
    needs: "global-admin",
    build: async () => ({
      path: `/api/console/admin/businesses/${await insertBusiness("mx-dispatch")}/dispatch`,
      body: { backend: "gse", gatewayUrl: "http://127.0.0.1:9/api/c/compapi/v2/gse/", appCode: "mx-gse", appSecret: "mx-gse-secret-0123456789", username: "mx" },
    }),
  },

  // ------------------------------------------------------------------ topology of one business
  { route: "/api/console/businesses/[bizId]/topology", method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `${biz(bizId)}/topology` }) },
  {
    route: "/api/console/businesses/[bizId]/topology/sets",
    method: "POST",
    surface: "console",
    needs: "edit",
    build: ({ bizId }) => ({ path: `${biz(bizId)}/topology/sets`, body: { name: uniqueName("mx-set") } }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/sets/[setId]",
    method: "PATCH",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/topology/sets/${await insertSet(bizId, uniqueName("mx-set"))}`, body: { name: uniqueName("mx-set-renamed") } }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/sets/[setId]",
    method: "DELETE",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/topology/sets/${(await throwAwayModule(bizId)).setId}` }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/sets/[setId]/modules",
    method: "POST",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/topology/sets/${await insertSet(bizId, uniqueName("mx-set"))}/modules`, body: { name: uniqueName("mx-mod") } }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/modules/[moduleId]",
    method: "PATCH",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/topology/modules/${(await throwAwayModule(bizId)).moduleId}`, body: { name: uniqueName("mx-mod-renamed") } }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/modules/[moduleId]",
    method: "DELETE",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/topology/modules/${(await throwAwayModule(bizId)).moduleId}` }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/modules/[moduleId]/hosts",
    method: "POST",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/topology/modules/${(await throwAwayModule(bizId)).moduleId}/hosts`, body: { hosts: [{ ip: await freshTestIp() }] } }),
  },
  {
    route: "/api/console/businesses/[bizId]/topology/modules/[moduleId]/hosts/remove",
    method: "POST",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => {
      const { moduleId } = await throwAwayModule(bizId);
      const host = await insertHost([moduleId]);
      return { path: `${biz(bizId)}/topology/modules/${moduleId}/hosts/remove`, body: { hostIds: [host.hostId] } };
    },
    note: "the host's last module: it moves to the idle module (created when the business has none)",
  },

  // ------------------------------------------------------------------ hosts of one business
  { route: "/api/console/businesses/[bizId]/hosts", method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `${biz(bizId)}/hosts` }) },
  {
    route: "/api/console/businesses/[bizId]/hosts/[hostId]",
    method: "DELETE",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/hosts/${(await insertHost([(await throwAwayModule(bizId)).moduleId])).hostId}` }),
  },
  {
    route: "/api/console/businesses/[bizId]/hosts/import/preview",
    method: "POST",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${biz(bizId)}/hosts/import/preview`, body: { csv: `bk_host_innerip\n${await freshTestIp()}` } }),
  },
  {
    route: "/api/console/businesses/[bizId]/hosts/import",
    method: "POST",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => {
      const { setId, moduleId } = await throwAwayModule(bizId);
      const [names] = await sql<{ bk_set_name: string; bk_module_name: string }>(
        `SELECT s.bk_set_name, m.bk_module_name FROM module m JOIN "set" s ON s.bk_set_id = m.bk_set_id WHERE m.bk_module_id = $1 AND s.bk_set_id = $2`,
        [moduleId, setId],
      );
      return { path: `${biz(bizId)}/hosts/import`, body: { csv: `bk_host_innerip,bk_set_name,bk_module_name\n${await freshTestIp()},${names.bk_set_name},${names.bk_module_name}` } };
    },
  },

  // ------------------------------------------------------------------ agents (global admins)
  { route: "/api/console/enrollment-tokens", method: "POST", surface: "console", needs: "global-admin", build: () => ({ path: "/api/console/enrollment-tokens", body: {} }) },
  { route: "/api/console/agents", method: "GET", surface: "console", needs: "global-admin", build: () => ({ path: "/api/console/agents" }) },
  {
    route: "/api/console/enrollment-tokens/bulk",
    method: "POST",
    surface: "console",
    needs: "global-admin",
    build: async () => ({ path: "/api/console/enrollment-tokens/bulk", body: { ips: [await freshTestIp(), await freshTestIp()] } }),
  },
  {
    route: "/api/console/agents/upgrade",
    method: "POST",
    surface: "console",
    needs: "global-admin",
    // the server's agent build is made by npm test (scripts/run-tests.ts) before the server starts
    build: async () => ({ path: "/api/console/agents/upgrade", body: { hostIds: [(await insertHost([], { agentTokenHash: "sha256$matrix$not-a-real-token" })).hostId] } }),
  },
  {
    route: "/api/console/hosts/[hostId]/revoke-agent",
    method: "POST",
    surface: "console",
    needs: "global-admin",
    build: async () => ({ path: `/api/console/hosts/${(await insertHost([], { agentTokenHash: "sha256$matrix$not-a-real-token" })).hostId}/revoke-agent` }),
  },
];
