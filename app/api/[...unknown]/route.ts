// Any /api path no route claims: a 404 in the envelope of the surface the path belongs to,
// never Next's HTML page.
import { unknownApiRoute } from "@/lib/api/unknown-route";

export const GET = unknownApiRoute;
export const POST = unknownApiRoute;
export const PUT = unknownApiRoute;
export const DELETE = unknownApiRoute;
export const PATCH = unknownApiRoute;
