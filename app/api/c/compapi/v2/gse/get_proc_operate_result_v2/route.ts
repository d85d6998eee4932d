// POST|GET /api/c/compapi/v2/gse/get_proc_operate_result_v2/ — same as get_proc_operate_result
export { GET, POST, PUT, DELETE, PATCH } from "../get_proc_operate_result/route";
