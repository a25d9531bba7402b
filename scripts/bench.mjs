// `npm run bench`: runs each benchmark in its own Node process (so peak RSS is its own) and prints
// its figures. Every benchmark measures its baseline in the same run and reports ratios against it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = [
  { file: './bench/import.ts', fn: 'runImportBench', title: 'Import pipeline (issue 4)' },
  { file: './bench/generation.ts', fn: 'runGenerationBench', title: 'Generation queue (issue 5)' },
  { file: './bench/review.ts', fn: 'runReviewBench', title: 'Review and export (issue 6)' },
];
const only = process.argv.slice(2);
let failed = 0;

for (const b of BENCHES) {
  if (only.length && !only.some((o) => b.file.includes(o))) continue;
  console.log(`\n## ${b.title}`);
  if (!existsSync(b.file)) {
    console.log(`(missing ${b.file})`);
    failed++;
    continue;
  }
  // The repo is CommonJS, so tsx hands the module's exports over as `default`.
  const script = `import(${JSON.stringify(b.file)}).then((m) => (m.${b.fn} ?? m.default.${b.fn})()).then((r) => process.stdout.write('\\n@@RESULT ' + JSON.stringify(r) + '\\n'))`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@RESULT '));
  if (r.status !== 0 || !line) {
    process.stdout.write(r.stdout ?? '');
    console.log(`benchmark failed (exit ${r.status})`);
    failed++;
    continue;
  }
  const result = JSON.parse(line.slice('@@RESULT '.length));
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  for (const [k, v] of Object.entries(result))
    console.log(`${k.padEnd(width)}  ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}`);
}
process.exit(failed ? 1 : 0);
