// TanStack Query keys of the topology domain: the switcher's business list, module names (the process
// list's filter), the admin's business overview, and one business's set → module tree.
export const topologyKeys = {
  all: ["topology"] as const,
  businesses: () => [...topologyKeys.all, "businesses"] as const,
  businessOverview: () => [...topologyKeys.all, "business-overview"] as const,
  moduleNames: (bizId: number) => [...topologyKeys.all, bizId, "module-names"] as const,
  tree: (bizId: number) => [...topologyKeys.all, bizId, "tree"] as const,
};
