export const topologyKeys = {
  all: ["topology"] as const,
  businesses: () => [...topologyKeys.all, "businesses"] as const,
  moduleNames: (bizId: number) => [...topologyKeys.all, bizId, "module-names"] as const,
};
