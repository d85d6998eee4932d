// `npm run build`'s last step: the server's own programs bundled beside Next's build
// (scripts/support/server-bundle.ts). `npm start` makes it itself when it is missing or stale.
import { buildServerBundle } from "./support/server-bundle";
import { serverBundleDir } from "./support/server-programs";

await buildServerBundle();
console.log(`✓ server bundle in ${serverBundleDir()}`);
