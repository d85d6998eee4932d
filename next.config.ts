import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // BlueKing clients call ESB paths with a trailing slash (…/operate_proc/); answer them directly
  // instead of redirecting, which would drop POST bodies in many HTTP clients
  skipTrailingSlashRedirect: true,
  // separate build folders let several checkouts' tools build side by side (default .next)
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // the generated Prisma client loads its wasm query compiler at run time; keep it out of the bundle
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg"],
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the type gate; the build stays fast
};

export default nextConfig;
