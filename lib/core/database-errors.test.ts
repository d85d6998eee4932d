import { describe, expect, it } from "vitest";
import { classifyDatabaseError } from "@/lib/core/database-errors";

const prismaError = (code: string, message: string, meta?: Record<string, unknown>) => Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta });

describe("classifyDatabaseError", () => {
  it("turns values PostgreSQL refuses into a 400", () => {
    expect(classifyDatabaseError(prismaError("P2010", 'Raw query failed. Code: `22003`. Message: `value "9999999999" is out of range for type integer`'))).toMatchObject({ kind: "OUT_OF_RANGE" });
    expect(classifyDatabaseError(prismaError("P2010", "Raw query failed. Code: `22021`. Message: `invalid byte sequence`"))?.kind).toBe("OUT_OF_RANGE");
    const unknown = Object.assign(new Error('Could not convert argument value Object {"$type": String("DateTime")} to ArgumentValue.'), { name: "PrismaClientUnknownRequestError" });
    expect(classifyDatabaseError(unknown)?.kind).toBe("OUT_OF_RANGE");
  });

  it("maps a lost race to the answer the race's loser would get anyway", () => {
    expect(classifyDatabaseError(prismaError("P2003", "Invalid `prisma.processModuleBinding.create()` invocation: Foreign key constraint violated"))?.kind).toBe("NOT_FOUND");
    const deleting = prismaError("P2003", "Invalid `prisma.process.delete()` invocation: Foreign key constraint violated on the constraint: `process_module_binding_process_id_fkey`");
    expect(classifyDatabaseError(deleting)?.kind).toBe("PROCESS_BOUND");
    const raw = Object.assign(new Error('update or delete on table "module" violates foreign key constraint "host_module_module_id_fkey" on table "host_module"'), { code: "23503" });
    expect(classifyDatabaseError(raw)?.kind).toBe("IN_USE");
  });

  it("calls an unreachable, frozen or timed-out database unavailable", () => {
    expect(classifyDatabaseError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))?.kind).toBe("UNAVAILABLE");
    expect(classifyDatabaseError(new Error("timeout exceeded when trying to connect"))?.kind).toBe("UNAVAILABLE");
    expect(classifyDatabaseError(new Error("Query read timeout"))?.kind).toBe("UNAVAILABLE");
    expect(classifyDatabaseError(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))?.kind).toBe("UNAVAILABLE");
    expect(classifyDatabaseError(prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time."))?.kind).toBe("UNAVAILABLE");
    expect(classifyDatabaseError(Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) }))?.kind).toBe("UNAVAILABLE");
  });

  it("leaves real bugs alone (they stay a logged 500)", () => {
    expect(classifyDatabaseError(new TypeError("cannot read properties of undefined"))).toBeNull();
    expect(classifyDatabaseError("a string")).toBeNull();
  });
});
