// What a database or driver error means for the caller. Input the checks let through but PostgreSQL
// refuses (an integer past int4, a date past its range) is the caller's fault: 400. A write that lost
// a race (the row it points to was just deleted, or a delete while something still refers to it) is a
// 404 / 409 like its non-racing twin. A database that cannot be reached, is frozen, or gave up on a
// statement (our own timeouts) is 503: worth retrying, and no sign of a bug. Anything else stays a 500.
import type { TApiErrorKind } from "@/lib/core/errors";
import { text, type TLocalText } from "@/lib/core/i18n";

export type TDatabaseFailure = { kind: TApiErrorKind; detail?: TLocalText };

/** SQLSTATEs of an unreachable, restarting or overloaded server, or a statement our timeouts ended. */
const UNAVAILABLE_STATES = new Set(["57014", "55P03", "25P03", "57P01", "57P02", "57P03", "57P05", "53000", "53100", "53200", "53300", "53400", "40001", "40P01"]);
/** Prisma's codes for the same: unreachable, timed out, connection closed, pool exhausted, transaction expired, write conflict. */
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2028", "P2034"]);
/** Node and pg errors of a broken or silent connection. */
const UNAVAILABLE_SYSCALL = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNAVAILABLE_TEXT =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection timeout|Client has encountered a connection error|server closed the connection|terminating connection|the database system is (starting up|shutting down|in recovery)|Cannot use a pool after calling end|Client was closed|Unable to start a transaction|Transaction already closed|Transaction API error|canceling statement due to (statement|lock) timeout|Can't reach database server|Can't connect to|connection refused|Connection reset|Server has closed the connection|Timed out fetching a new connection/i;
/** Prisma or the driver could not even encode a value (a date or integer past the column's range, a lone surrogate). */
const UNENCODABLE_TEXT = /JSON Error|hex escape|lone surrogate|invalid byte sequence|Could not convert argument value|Value out of range for the type|Unable to fit integer value|out of range for type/i;

type TErrorLike = { name?: unknown; code?: unknown; message?: unknown; meta?: unknown; cause?: unknown; errors?: unknown; originalCode?: unknown; kind?: unknown };

const UNAVAILABLE: TDatabaseFailure = {
  kind: "UNAVAILABLE",
  detail: text("the database is not answering; try again in a few seconds", "数据库暂时无响应，请稍后重试"),
};

export function classifyDatabaseError(error: unknown): TDatabaseFailure | null {
  const facts = collectFacts(error);
  if (facts.prismaCodes.some((code) => UNAVAILABLE_PRISMA.has(code))) return UNAVAILABLE;
  if (facts.sqlStates.some((state) => UNAVAILABLE_STATES.has(state) || state.startsWith("08"))) return UNAVAILABLE;
  if (facts.sqlStates.some((state) => state.startsWith("22"))) return outOfRange(facts);
  if (facts.prismaCodes.some((code) => code === "P2000" || code === "P2007" || code === "P2020" || code === "P2023" || code === "P2033")) return outOfRange(facts);
  if (facts.sqlStates.includes("23503") || facts.sqlStates.includes("23001") || facts.prismaCodes.includes("P2003") || facts.prismaCodes.includes("P2014")) return lostRace(facts);
  if (facts.sqlStates.includes("23505") || facts.prismaCodes.includes("P2002")) {
    return { kind: "DUPLICATE", detail: text("a record with the same key was just created", "刚刚已创建了相同键的记录") };
  }
  if (facts.prismaCodes.includes("P2025") || facts.prismaCodes.includes("P2018") || facts.prismaCodes.includes("P2015")) {
    return { kind: "NOT_FOUND", detail: text("the record no longer exists", "该记录已不存在") };
  }
  if (facts.syscalls.some((code) => UNAVAILABLE_SYSCALL.has(code)) || facts.isInitialization || UNAVAILABLE_TEXT.test(facts.text)) return UNAVAILABLE;
  if (UNENCODABLE_TEXT.test(facts.text) && facts.isPrisma) return outOfRange(facts);
  return null;
}

function outOfRange(facts: TFacts): TDatabaseFailure {
  // PostgreSQL's own reason names no secret (e.g. `value "9999999999" is out of range for type integer`)
  const reason = facts.dbMessage ? facts.dbMessage.slice(0, 200) : "a value is out of range or not storable";
  return { kind: "OUT_OF_RANGE", detail: text(reason, reason) };
}

/**
 * A foreign key refused the write. On a delete it is still referred to (a process still bound is the
 * CMDB's own 1108013); on an insert or update, what it points to was deleted in the meantime.
 */
function lostRace(facts: TFacts): TDatabaseFailure {
  const isDelete = /update or delete on table|\.delete(Many)?\(\)|deleting|P2014/i.test(facts.text);
  if (!isDelete) return { kind: "NOT_FOUND", detail: text("what this refers to was deleted meanwhile", "所引用的数据已被删除") };
  if (/process_module_binding/.test(facts.text)) return { kind: "PROCESS_BOUND", detail: text("the process was bound to a module meanwhile; unbind it first", "进程刚被绑定到模块，请先解绑") };
  return { kind: "IN_USE", detail: text("something was attached to it meanwhile", "刚有其他数据引用了它") };
}

type TFacts = { sqlStates: string[]; prismaCodes: string[]; syscalls: string[]; text: string; dbMessage: string; isPrisma: boolean; isInitialization: boolean };

/** Every code and message along the error's cause chain (Prisma wraps the driver, which wraps the socket). */
function collectFacts(error: unknown): TFacts {
  const facts: TFacts = { sqlStates: [], prismaCodes: [], syscalls: [], text: "", dbMessage: "", isPrisma: false, isInitialization: false };
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== "object" || seen.has(value) || depth > 6) return;
    seen.add(value);
    const item = value as TErrorLike;
    const name = typeof item.name === "string" ? item.name : "";
    if (name.startsWith("PrismaClient")) facts.isPrisma = true;
    if (name === "PrismaClientInitializationError") facts.isInitialization = true;
    for (const code of [item.code, item.originalCode]) {
      if (typeof code !== "string") continue;
      if (/^P\d{4}$/.test(code)) facts.prismaCodes.push(code);
      else if (/^[0-9A-Z]{5}$/.test(code)) facts.sqlStates.push(code);
      else if (/^E[A-Z_]+$/.test(code)) facts.syscalls.push(code);
    }
    if (typeof item.message === "string") {
      facts.text += `\n${item.message}`;
      // pg's own DatabaseError: the SQLSTATE in code, PostgreSQL's reason as the message
      if (typeof item.code === "string" && /^[0-9A-Z]{5}$/.test(item.code) && !name.startsWith("Prisma")) facts.dbMessage ||= item.message;
      const raw = /Code: `([0-9A-Z]{5})`\. Message: `([^`]*)`/.exec(item.message);
      if (raw) {
        facts.sqlStates.push(raw[1]);
        facts.dbMessage ||= raw[2];
      }
    }
    const meta = item.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === "object") {
      if (typeof meta.code === "string" && /^[0-9A-Z]{5}$/.test(meta.code)) facts.sqlStates.push(meta.code);
      if (typeof meta.message === "string") {
        facts.text += `\n${meta.message}`;
        facts.dbMessage ||= meta.message;
      }
      for (const extra of Object.values(meta)) if (typeof extra === "string") facts.text += `\n${extra}`;
      visit(meta.driverAdapterError, depth + 1);
    }
    visit(item.cause, depth + 1);
    if (Array.isArray(item.errors)) for (const inner of item.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return facts;
}
