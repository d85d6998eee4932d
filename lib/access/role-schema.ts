// A role as the APIs accept it. Apart from lib/access/permissions.ts, which the browser loads (the header
// asks it for the user's role) and which so stays free of zod.
import { z } from "zod";
import { ROLES } from "@/lib/access/permissions";

export const ZRole = z.enum(ROLES);
