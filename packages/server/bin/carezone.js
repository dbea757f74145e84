#!/usr/bin/env node
// The `carezone` command. A committed file (not `dist/cli.js` itself) so that npm links the command
// when it installs the workspace, before anything is built; it runs the built CLI.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('carezone: the server is not built yet; run `npm run build` in the repository first.');
  process.exit(1);
}
await import(cli.href);
