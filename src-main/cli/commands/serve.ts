import { createAppContext } from '../../app/context';
import { startDailyBackups } from '../../app/daily-backups';
import { startBackgroundQueue } from '../../queue';
import { startWebServer, webPlatform } from '../../web/server';
import { UsageError, type CommandModule } from '../runtime';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`);
  return port;
}

/** Runs the browser host until Ctrl+C; the printed URL is the only way in, since it carries the session token. */
export const registerServe: CommandModule = (program, rt) => {
  program
    .command('serve')
    .description('open LeadPrep in your browser: serves the app on 127.0.0.1 with a one-session sign-in link')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .action(async (opts: { port?: number }) => {
      const ctx = createAppContext({ host: 'web', platform: webPlatform });
      try {
        const server = await startWebServer({ ctx, port: opts.port });
        // Job kinds are registered by the handlers the server just built; queued work resumes now.
        startBackgroundQueue(ctx);
        startDailyBackups(ctx);
        rt.print({ url: server.url, port: server.port }, () =>
          [
            'LeadPrep is running in browser mode. Open this link (it signs this browser in):',
            '',
            `  ${server.url}`,
            '',
            'Only this computer can reach it. Keep the link private. Press Ctrl+C to stop.',
          ].join('\n'),
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        await ctx.close();
      }
    });
};
