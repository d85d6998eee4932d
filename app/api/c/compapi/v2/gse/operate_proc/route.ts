// POST /api/c/compapi/v2/gse/operate_proc/ — one operation on one process over many hosts → task_id
import { defineEsbRoute } from "@/lib/api/esb-route";
import { operateGse } from "@/lib/operations/operate-gse";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => operateGse(body, caller));
