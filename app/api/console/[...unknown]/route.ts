// Any other /api/console path: the console envelope's 404 (not the CMDB one of app/api/[...unknown]).
import { unknownApiRoute } from "@/lib/api/unknown-route";

export { unknownApiRoute as GET, unknownApiRoute as POST, unknownApiRoute as PUT, unknownApiRoute as PATCH, unknownApiRoute as DELETE };
