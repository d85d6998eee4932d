// POST /api/agent/v1/report — per-row results, restart events and the managed list
import { defineAgentRoute } from "@/lib/api/agent-route";
import { ZReportRequest } from "@/lib/protocol/agent-protocol";
import { recordAgentReport } from "@/lib/operations/record-agent-report";

export const POST = defineAgentRoute(ZReportRequest, ({ host, input }) => recordAgentReport(host, input));
