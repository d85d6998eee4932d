// POST /api/agent/v1/enroll — a host trades an enrolment token for its own agent token
import { defineEnrollRoute } from "@/lib/api/agent-route";
import { enrollAgent } from "@/lib/operations/enroll-agent";

export const POST = defineEnrollRoute(enrollAgent);
