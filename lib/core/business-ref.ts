/** A business as every domain refers to it once the path or request has named it. */
export type TBusinessRef = { id: number; supplierAccount: string; name: string };
