// POST /api/c/compapi/v2/gse/operate_proc_v2/ — the same request as operate_proc (spec inline)
export { GET, POST, PUT, DELETE, PATCH } from "../operate_proc/route";
