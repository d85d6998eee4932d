// POST /api/c/compapi/v2/gse/get_proc_status_v2/ — same as get_proc_status
export { GET, POST, PUT, DELETE, PATCH } from "../get_proc_status/route";
