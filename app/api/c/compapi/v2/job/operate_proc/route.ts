// POST /api/c/compapi/v2/job/operate_proc/ — the older name of operate_process
export { GET, POST, PUT, DELETE, PATCH } from "../operate_process/route";
