#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'out', 'cli', 'leadprep.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('leadprep: the CLI is not built yet. Run `npm run setup` (or `npm run build`) in the LeadPrep folder first.\n');
  process.exit(1);
}
require(bundle)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
