import type { Command } from 'commander';
import type { RunDetail, RunSummary } from '../../../src-shared/contract/generation';
import { MAX_BATCH_SIZE, MIN_BATCH_SIZE } from '../../../src-shared/generation/batching';
import { createQueueRunner, type QueueRunner } from '../../queue';
import { UsageError, type CliRuntime, type CommandModule } from '../runtime';

function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

const runLine = (r: RunSummary) =>
  `run ${r.id}  ${r.state.padEnd(9)} ${r.campaignName ?? r.campaignId}  leads ${r.leadCount}: ` +
  `${r.leads.generated} generated, ${r.leads.pending} pending, ${r.leads.notGenerated} not generated, ${r.leads.failed} failed` +
  (r.message ? `  (${r.message})` : '');

function batchLines(d: RunDetail): string {
  return d.batches
    .map(
      (b) =>
        `  batch ${String(b.seq).padStart(3)} ${b.state.padEnd(10)} ${b.leadCount} leads${b.message ? `  ${b.message}` : ''}`,
    )
    .join('\n');
}

/** Runs the queue in this process (the same runner the app uses) until Ctrl-C / SIGTERM or `until` says stop. */
async function runQueue(rt: CliRuntime, opts: { untilIdle: boolean; until?: () => boolean }): Promise<void> {
  const ctx = rt.ctx();
  rt.handlers(); // registers every job kind
  const runner: QueueRunner = createQueueRunner(ctx, {
    owner: `cli-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  });
  let stopSignal: () => void = () => undefined;
  const signalled = new Promise<void>((resolve) => (stopSignal = resolve));
  const onSignal = () => stopSignal();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (opts.untilIdle) {
      const report = await Promise.race([runner.runUntilIdle(), signalled.then(() => null)]);
      if (report && report.pausedProviders.length > 0 && !rt.json) {
        process.stderr.write(
          `Stopped with ${report.remainingJobs} job(s) waiting on paused providers: ${report.pausedProviders.join(', ')}.\n`,
        );
      }
    } else {
      runner.start();
      if (opts.until) {
        const until = opts.until;
        await Promise.race([
          signalled,
          new Promise<void>((resolve) => {
            const t = setInterval(() => {
              if (!until()) return;
              clearInterval(t);
              resolve();
            }, 500);
          }),
        ]);
      } else {
        await signalled;
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner.stop();
  }
}

export const registerGeneration: CommandModule = (program: Command, rt: CliRuntime) => {
  program
    .command('campaigns')
    .description('list MachFive campaigns (id and name)')
    .action(async () => {
      const res = await rt.call('campaigns.list', { refresh: true });
      rt.print(res, () =>
        res.campaigns.length
          ? res.campaigns.map((c) => `${c.id}  ${c.name}`).join('\n')
          : 'No campaigns in this MachFive workspace.',
      );
    });

  program
    .command('generate')
    .description(
      'queue a MachFive run for ready leads (the work happens in `leadprep work`, the app, or with --wait)',
    )
    .requiredOption('--campaign <id>', 'MachFive campaign id (see `leadprep campaigns`)')
    .option(
      '--import <id>',
      'leads of this committed import',
      intOption('import', 1, Number.MAX_SAFE_INTEGER),
    )
    .option('--all-ready', 'every ready lead of every committed import')
    .option(
      '--batch-size <n>',
      `leads per MachFive batch (${MIN_BATCH_SIZE}-${MAX_BATCH_SIZE}, default 100)`,
      intOption('batch-size', MIN_BATCH_SIZE, MAX_BATCH_SIZE),
    )
    .option('--email-count <n>', 'emails per lead (1-5, default 3)', intOption('email-count', 1, 5))
    .option('--list-name <name>', 'list name shown in MachFive')
    .option('--include-generated', 'also take leads that already have a sequence')
    .option('--wait', 'run the queue here until the run finishes')
    .action(
      async (o: {
        campaign: string;
        import?: number;
        allReady?: boolean;
        batchSize?: number;
        emailCount?: number;
        listName?: string;
        includeGenerated?: boolean;
        wait?: boolean;
      }) => {
        if ((o.import === undefined) === !o.allReady)
          throw new UsageError('Give exactly one of --import ID or --all-ready.');
        const detail = await rt.call('runs.start', {
          campaignId: o.campaign,
          selection: o.import !== undefined ? { kind: 'import', importId: o.import } : { kind: 'allReady' },
          batchSize: o.batchSize,
          includeGenerated: Boolean(o.includeGenerated),
          options: { listName: o.listName ?? '', emailCount: o.emailCount },
        });
        if (!o.wait) {
          rt.print(
            detail,
            () =>
              `${runLine(detail)}\nQueued ${detail.batches.length} batch(es). Run \`leadprep work\` (or open LeadPrep) to process them.`,
          );
          return;
        }
        if (!rt.json)
          process.stderr.write(
            `Run ${detail.id}: ${detail.leadCount} leads in ${detail.batches.length} batch(es). Working...\n`,
          );
        const sqlite = rt.ctx().database.sqlite;
        const live = sqlite.prepare(
          `SELECT COUNT(*) AS n FROM jobs WHERE run_id = ? AND state IN ('queued', 'running')`,
        );
        const paused = sqlite.prepare(
          `SELECT COUNT(*) AS n FROM provider_state WHERE provider = 'machfive' AND paused_reason IS NOT NULL`,
        );
        await runQueue(rt, {
          untilIdle: false,
          until: () =>
            (live.get(detail.id) as { n: number }).n === 0 || (paused.get() as { n: number }).n > 0,
        });
        const final = await rt.call('runs.get', { runId: detail.id });
        rt.print(final, () => `${runLine(final)}\n${batchLines(final)}`);
        if (final.state !== 'done' || final.leads.generated < final.leadCount) process.exitCode = 1;
      },
    );

  program
    .command('runs')
    .description('list generate runs with their progress')
    .option('--run <id>', 'one run with every batch', intOption('run', 1, Number.MAX_SAFE_INTEGER))
    .action(async (o: { run?: number }) => {
      if (o.run !== undefined) {
        const d = await rt.call('runs.get', { runId: o.run });
        rt.print(d, () => `${runLine(d)}\n${batchLines(d)}`);
        return;
      }
      const res = await rt.call('runs.list', { limit: 100 });
      rt.print(res, () => (res.runs.length ? res.runs.map(runLine).join('\n') : 'No runs yet.'));
    });

  program
    .command('jobs')
    .description('list queue jobs (newest first)')
    .option('--run <id>', 'only jobs of this run', intOption('run', 1, Number.MAX_SAFE_INTEGER))
    .action(async (o: { run?: number }) => {
      const res = await rt.call('jobs.list', { runId: o.run, limit: 1000 });
      rt.print(res, () =>
        res.jobs.length
          ? res.jobs
              .map(
                (j) =>
                  `${String(j.id).padStart(6)} ${j.kind.padEnd(16)} ${j.state.padEnd(9)} attempts ${j.attempts}/${j.maxAttempts}${j.lastError ? `  ${j.lastError}` : ''}`,
              )
              .join('\n')
          : 'No jobs.',
      );
    });

  program
    .command('work')
    .description('run the job queue in the foreground (the same code the app runs); Ctrl-C stops cleanly')
    .option('--until-idle', 'exit when nothing is left to do (paused providers excepted)')
    .action(async (o: { untilIdle?: boolean }) => {
      await runQueue(rt, { untilIdle: Boolean(o.untilIdle) });
      const status = await rt.call('queue.status', {});
      rt.print(status, () => 'Queue stopped.');
    });
};
