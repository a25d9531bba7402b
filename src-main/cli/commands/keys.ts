import { PROVIDER_LABELS, PROVIDERS, Provider } from '../../../src-shared/providers';
import { UsageError, type CommandModule } from '../runtime';

function parseProvider(value: string): Provider {
  const p = Provider.safeParse(value);
  if (!p.success) throw new UsageError(`Unknown provider "${value}". Use one of: ${PROVIDERS.join(', ')}.`);
  return p.data;
}

const when = (ms: number | null) => (ms ? new Date(ms).toISOString() : 'never');

export const registerKeys: CommandModule = (program, rt) => {
  const keys = program.command('keys').description('manage API keys in the OS keychain');
  keys
    .command('set <provider>')
    .description('store a key read from stdin (never from the command line, where shells keep history)')
    .action(async (provider: string) => {
      const p = parseProvider(provider);
      const key = await rt.readStdin();
      if (!key)
        throw new UsageError('No key was given on stdin. Example: leadprep keys set machfive < key.txt');
      const status = await rt.call('keys.set', { provider: p, key });
      rt.print(status, () => `${PROVIDER_LABELS[p]} key saved to the keychain.`);
    });
  keys
    .command('status')
    .description('show which keys are set and when they were last verified')
    .action(async () => {
      const overview = await rt.call('keys.status', {});
      rt.print(overview, () =>
        overview.keychain.available
          ? overview.providers
              .map(
                (s) =>
                  `${PROVIDER_LABELS[s.provider].padEnd(12)} ${s.set ? 'set' : 'not set'}${s.set ? `, last verified ${when(s.lastVerifiedAt)}` : ''}`,
              )
              .join('\n')
          : `Keychain not available: ${overview.keychain.reason}`,
      );
    });
  keys
    .command('clear <provider>')
    .description('remove a key from the keychain')
    .action(async (provider: string) => {
      const p = parseProvider(provider);
      const status = await rt.call('keys.clear', { provider: p });
      rt.print(status, () => `${PROVIDER_LABELS[p]} key removed.`);
    });
  keys
    .command('test <provider>')
    .description('call a cheap read endpoint to check the key (MachFive, Instantly)')
    .action(async (provider: string) => {
      const result = await rt.call('keys.test', { provider: parseProvider(provider) });
      rt.print(result, () => result.message);
      if (result.outcome !== 'ok') process.exitCode = 1;
    });
};
