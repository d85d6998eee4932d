// The fuzz test's generator: a seeded PRNG and nasty values for path parameters, query strings,
// headers and bodies. Values that look like real ids are only ever ids the fuzz test created itself,
// so an accepted request can never touch another test's data (a small random id could be anyone's).
export type TRandom = { next: () => number; int: (max: number) => number; pick: <T>(items: readonly T[]) => T; chance: (p: number) => boolean };

/** mulberry32: tiny, fast and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): TRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

/** Path segments that are never a real id of anyone: out of range, malformed, encoded oddities. */
export const NONSENSE_SEGMENTS = [
  "0", "-1", "2147483647", "2147483648", "9999999999", "99999999999999999999", "1e3", "0x10", "1.5", "%201", "abc", "%00", "%00abc",
  "%ED%A0%80", "%F0%9F%98%80", "%E0%A4%A", "%25", "..", "%2e%2e", "%2F", "a%2Fb", "GSETASK%3A20260101000000%3A1", "GSETASK:99999999999999:99999999999999999999",
  "%3Cscript%3E", "'%20OR%201%3D1--", "x".repeat(300), "%C0%AF", "null", "undefined", "NaN", "true", "[]", "%7B%7D",
] as const;

export const QUERY_KEYS = ["page", "size", "pageSize", "q", "sort", "cols", "module", "cursor", "limit", "from", "to", "bizId", "user", "app", "objectType", "object", "action", "status", "processId", "ip", "opType", "state", "task_id", "bk_gse_taskid", "bk_biz_id", "bk_app_code", "bk_app_secret", "bk_username", "expired", "next"] as const;

const NASTY_STRINGS = [
  "", " ", "a", "\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud800y", "😀", "空闲机", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\r\n", "\t",
  "9999999999", "-1", "0", "1e309", "NaN", "null", "GSETASK:20260101000000:1", "GSETASK:99999999999999:99999999999999999999", "-100000-01-01T00:00:00Z", "275760-09-14T00:00:00Z",
  "2026-13-45T99:99:99Z", "127.0.0.1", "999.999.999.999", "::1", "80,443,8000-8010", "70000", "1-0", "gateway", "admin", "$in", "{\"$in\":[1]}",
  "x".repeat(2000), "🙂".repeat(500),
];
const NASTY_NUMBERS = [0, -1, 1, 2, 1.5, -0.0, 2147483647, 2147483648, -2147483649, 9999999999, 1e20, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 3.14159, 1e-300];

export const BODY_FIELDS = [
  "username", "password", "currentPassword", "newPassword", "bk_process_name", "bk_func_name", "port", "bind_ip", "protocol", "user", "work_path", "timeout", "pid_file",
  "start_cmd", "stop_cmd", "bk_process_id", "ids", "changes", "expectedRevision", "condition", "page", "fields", "start", "limit", "sort", "task_id", "bk_gse_taskid",
  "bk_biz_id", "op_type", "opType", "hostIds", "hosts", "ip", "bk_cloud_id", "cloudId", "meta", "namespace", "name", "spec", "identity", "control", "proc_operate_req",
  "process_infos", "ip_list", "enrollment_token", "hostname", "version", "waitMs", "managed", "results", "csv", "role", "displayName", "isGlobalAdmin", "isDisabled",
  "description", "code", "moduleIds", "moduleId", "setId", "bk_set_name", "bk_module_name", "$in", "__proto__", "constructor",
] as const;

export function nastyValue(random: TRandom, depth = 0): unknown {
  const roll = random.int(depth > 2 ? 3 : 7);
  if (roll === 0) return random.pick(NASTY_STRINGS);
  if (roll === 1) return random.pick(NASTY_NUMBERS);
  if (roll === 2) return random.pick([true, false, null]);
  if (roll === 3) return Array.from({ length: random.int(4) }, () => nastyValue(random, depth + 1));
  if (roll === 4) return nastyObject(random, depth + 1);
  if (roll === 5) return random.pick(NASTY_STRINGS);
  return random.pick(NASTY_NUMBERS);
}

export function nastyObject(random: TRandom, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const size = random.int(6);
  for (let index = 0; index < size; index++) object[random.chance(0.9) ? random.pick(BODY_FIELDS) : random.pick(NASTY_STRINGS)] = nastyValue(random, depth);
  return object;
}

/** A request body: mostly JSON objects, sometimes other JSON, broken JSON or bytes that are not UTF-8. */
export function nastyBody(random: TRandom): string | Buffer | undefined {
  const roll = random.int(20);
  if (roll === 0) return undefined;
  if (roll === 1) return "{not json";
  if (roll === 2) return Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]);
  if (roll === 3) return JSON.stringify(nastyValue(random));
  if (roll === 4) return '{"username":"\\ud800","password":"\\u0000","task_id":"\\udfff","bk_process_name":"a\\u0000"}';
  if (roll === 5) return `${"[".repeat(3000)}${"]".repeat(3000)}`;
  if (roll === 6) return JSON.stringify({ condition: { timeout: 9999999999, bk_process_id: { $in: [9999999999] } }, bk_process_id: "9999999999", cloudId: 9999999999 });
  return JSON.stringify(nastyObject(random));
}

export function nastyQuery(random: TRandom): string {
  if (random.chance(0.4)) return "";
  const params: string[] = [];
  const size = 1 + random.int(4);
  for (let index = 0; index < size; index++) {
    const value = random.pick([...NASTY_STRINGS.slice(0, 30), ...NONSENSE_SEGMENTS.slice(0, 12)]);
    params.push(`${random.pick(QUERY_KEYS)}=${/%[0-9A-F]{2}/i.test(value) ? value : encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "?"))}`);
  }
  return `?${params.join("&")}`;
}
