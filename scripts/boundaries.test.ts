// The floors of the house are enforced by lint (eslint.config.mjs, boundaryRules): an import that runs
// back up fails `npm test`. Each case plants one import in a file of that folder and lints it for real.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function restrictedImportsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports").map((message) => message.message);
}

describe("import boundaries", () => {
  it.each([
    ["lib/topology/planted.ts", 'import { createTask } from "@/lib/operations/create-task";\nexport const x = createTask;\n', /floors below it/],
    ["lib/access/planted.ts", 'import { listHosts } from "@/lib/topology/list-hosts";\nexport const x = listHosts;\n', /floors below it/],
    ["lib/core/planted.ts", 'import { can } from "@/lib/access/permissions";\nexport const x = can;\n', /ground floor/],
    ["lib/protocol/planted.ts", 'import { getDb } from "@/lib/core/db";\nexport const x = getDb;\n', /shared with the agent/],
    ["lib/agent/planted.ts", 'import { ApiError } from "@/lib/core/errors";\nexport const x = ApiError;\n', /separate program/],
    ["lib/client/planted.ts", 'import { Toaster } from "@/components/ui/toaster";\nexport const x = Toaster;\n', /below app\/ and components\//],
    ["components/planted.tsx", 'import { getDb } from "@/lib/core/db";\nexport const x = getDb;\n', /must not reach the database/],
  ])("%s: refused", async (filePath, code, reason) => {
    const messages = await restrictedImportsIn(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(reason);
  });

  it.each([
    ["lib/operations/planted.ts", 'import { listHosts } from "@/lib/topology/list-hosts";\nimport { getDb } from "@/lib/core/db";\nexport const x = [listHosts, getDb];\n'],
    ["lib/agent/planted.ts", 'import { RESULT_CODE } from "@/lib/protocol/result-codes";\nexport const x = RESULT_CODE;\n'],
    ["components/planted.tsx", 'import type { TTx } from "@/lib/core/db";\nexport const x: TTx | null = null;\n'],
  ])("%s: a downward (or type-only) import is fine", async (filePath, code) => {
    expect(await restrictedImportsIn(filePath, code)).toEqual([]);
  });
});
