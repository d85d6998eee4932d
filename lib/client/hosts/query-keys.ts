// TanStack Query keys of the hosts domain: the hosts of a business with their agents' state.
export const hostKeys = {
  all: (bizId: number) => ["hosts", bizId] as const,
  list: (bizId: number) => [...hostKeys.all(bizId), "list"] as const,
};
