// A host is known globally by cloud area + inner IP (the BlueKing identity).
import { z } from "zod";

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

export const MAX_CLOUD_ID = 2_147_483_647;

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

export const ZHostIdentity = z.strictObject({
  ip: z.string().regex(IPV4, "must be an IPv4 address such as 10.0.0.5"),
  cloudId: z.number().int().min(0).max(MAX_CLOUD_ID).default(0),
});
export type THostIdentity = z.infer<typeof ZHostIdentity>;

export function identityKey(host: { cloudId: number; ip: string }): string {
  return `${host.cloudId}:${host.ip}`;
}
