import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: [".next*/**", "node_modules/**", "lib/generated/**", ".data/**", "dist/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "no-console": "off",
    },
  },
  ...boundaryRules(),
  {
    files: ["**/*.cjs", "**/*.mjs", "scripts/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);

/**
 * The house's floors, checked (README, "Architecture"). lib/ never reaches up into app/ or components/;
 * lib/core and lib/protocol are the ground and import nothing of lib/ but themselves; the agent is a
 * separate program and shares only lib/protocol; each server domain imports only the floors below it
 * (core, protocol → access → topology → processes → operations → audit → api); code that runs in the
 * browser never imports the database, the environment or the Prisma client (types are fine).
 */
function boundaryRules() {
  const layers = ["access", "topology", "processes", "operations", "audit", "api"];
  const libFolders = ["core", "protocol", "agent", "client", ...layers];
  const allBut = (...kept) => libFolders.filter((folder) => !kept.includes(folder)).flatMap((folder) => [`@/lib/${folder}`, `@/lib/${folder}/*`]);
  const anyOf = (folders) => folders.flatMap((folder) => [`@/lib/${folder}`, `@/lib/${folder}/*`]);
  const rule = (patterns) => ["error", { patterns: patterns.map(({ group, message, allowTypeImports = false }) => ({ group, message, allowTypeImports })) }];
  const notUpward = { group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"], message: "lib/ sits below app/ and components/: move the shared part into lib/." };
  const serverOnly = {
    group: ["@/lib/core/db", "@/lib/core/env", "@/lib/generated/*", "pg", "@prisma/*"],
    message: "browser code must not reach the database or the environment: let a server component or route fetch it and pass plain data.",
    allowTypeImports: true,
  };
  return [
    { files: ["lib/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": rule([notUpward]) } },
    ...layers.map((layer, index) => ({
      files: [`lib/${layer}/**/*.{ts,tsx}`],
      rules: {
        "@typescript-eslint/no-restricted-imports": rule([
          notUpward,
          { group: [...anyOf(layers.slice(index + 1)), "@/lib/client", "@/lib/client/*", "@/lib/agent/*"], message: `lib/${layer} may import only the floors below it (${["core", "protocol", ...layers.slice(0, index)].join(", ")}).` },
        ]),
      },
    })),
    {
      files: ["lib/core/**/*.{ts,tsx}"],
      rules: { "@typescript-eslint/no-restricted-imports": rule([notUpward, { group: allBut("core"), message: "lib/core is the ground floor: it imports nothing else of lib/." }]) },
    },
    {
      files: ["lib/protocol/**/*.{ts,tsx}"],
      rules: { "@typescript-eslint/no-restricted-imports": rule([notUpward, { group: allBut("protocol"), message: "lib/protocol is shared with the agent: it imports nothing else of lib/." }]) },
    },
    {
      files: ["lib/agent/**/*.{ts,tsx}"],
      rules: {
        "@typescript-eslint/no-restricted-imports": rule([
          notUpward,
          { group: [...allBut("agent", "protocol"), "@/lib/generated/*", "pg", "@prisma/*", "next", "next/*"], message: "the agent is a separate program: it shares only lib/protocol with the server." },
        ]),
      },
    },
    { files: ["lib/client/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": rule([notUpward, serverOnly]) } },
    { files: ["components/**/*.{ts,tsx}"], rules: { "@typescript-eslint/no-restricted-imports": rule([serverOnly]) } },
  ];
}
