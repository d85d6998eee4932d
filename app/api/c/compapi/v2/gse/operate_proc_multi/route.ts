// POST /api/c/compapi/v2/gse/operate_proc_multi/ — {proc_operate_req:[{meta,hosts,op_type,spec},…]} → one task_id
import { defineEsbRoute } from "@/lib/api/esb-route";
import { operateGseMulti } from "@/lib/operations/operate-gse";

// many operations of up to 5,000 hosts each: 8 MiB holds 10,000s of hosts (one plain request takes 256 KiB)
export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => operateGseMulti(body, caller), { maxBodyBytes: 8 * 1024 * 1024 });
