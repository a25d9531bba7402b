import { Command, CommanderError } from 'commander';
import { isAppError } from '../../src-shared/errors';
import { version } from '../../package.json';
import { sqliteFailure } from '../db/sqlite-errors';
import { commandModules } from './commands';
import { EXIT, UsageError, createRuntime } from './runtime';

const platform = {
  // A terminal has no file manager to drive; the path itself is printed instead.
  revealPath: async () => false,
  openExternal: async () => false,
};

export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('leadprep')
    .description('LeadPrep: clean lead files, generate MachFive sequences, review and push them.')
    .version(version)
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 failure, 2 usage error.\nData: $LEADPREP_HOME or the OS app-data folder for LeadPrep.',
    );
  const rt = createRuntime(program, { platform });
  for (const register of commandModules) register(program, rt);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return EXIT.ok;
      return EXIT.usage;
    }
    // A command's own database work (not through the dispatcher) fails as plainly as a call does.
    const failure = sqliteFailure(e) ?? e;
    const usage = failure instanceof UsageError;
    const message = failure instanceof Error ? failure.message : String(failure);
    if (rt.json) {
      const code = isAppError(failure) ? failure.code : usage ? 'usage' : 'internal';
      process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
    } else {
      process.stderr.write(`leadprep: ${message}\n`);
    }
    return usage ? EXIT.usage : EXIT.failure;
  } finally {
    await rt.close().catch(() => undefined);
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
