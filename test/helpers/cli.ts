import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const bundle = join(root, 'out', 'cli', 'leadprep.cjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the real `leadprep` CLI as a child process: the built bundle when present (what users run),
 * else the TypeScript source through tsx, so tests work before and after `npm run build`.
 */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const argv =
    existsSync(bundle) && !process.env.LEADPREP_CLI_FROM_SOURCE
      ? [join(root, 'bin', 'leadprep.cjs'), ...args]
      : ['--import', 'tsx', join(root, 'src-main', 'cli', 'main.ts'), ...args];
  return spawn(process.execPath, argv, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin!.end(stdin ?? '');
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
}
