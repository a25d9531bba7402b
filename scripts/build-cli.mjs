// Bundles the CLI (which also hosts `leadprep serve`, the web host) into one CommonJS file for Node.
// Native modules stay external: the Node build of better-sqlite3 and keytar is loaded at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/cli/main.ts'],
  outfile: 'out/cli/leadprep.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3', 'keytar', 'electron'],
  logLevel: 'warning',
});
