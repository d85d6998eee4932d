// GET /api/healthz — liveness for load balancers. Touches nothing (no database, no auth), which also
// makes it the framework's ceiling in `npm run bench:search`.
import { NextResponse } from "next/server";

export function GET() {
  return NextResponse.json({ result: true, bk_error_code: 0, bk_error_msg: "success", data: { status: "ok" } });
}
