import type { Command } from 'commander';
import type { PushPreview, PushSummary, ResultRow } from '../../../src-shared/contract/push';
import { Destination, PersonalizationMode, type PushSpecInput } from '../../../src-shared/push/types';
import { createQueueRunner } from '../../queue';
import { UsageError, type CliRuntime, type CommandModule } from '../runtime';

const positiveInt =
  (name: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number.`);
    return n;
  };

const summaryLine = (s: PushSummary) =>
  `push ${s.id}  ${s.state.padEnd(9)} run ${s.runId} -> ${s.targetLabel}  ${s.counts.total} items: ` +
  `${s.counts.added} added, ${s.counts.skipped} skipped, ${s.counts.rejected} rejected, ${s.counts.failed} failed` +
  (s.counts.pending + s.counts.sending > 0 ? `, ${s.counts.pending + s.counts.sending} to go` : '') +
  (s.paused ? `  [paused: ${s.paused.message ?? s.paused.reason}]` : '');

function previewText(p: PushPreview): string {
  const lines = [
    `Dry run: run ${p.runId} -> ${p.targetLabel}`,
    `  ${p.leadCount} lead(s), ${p.itemCount} item(s) -> ${p.requests} request(s) of at most ${p.chunkSize}`,
    ...(p.emailsToSend !== null ? [`  ${p.emailsToSend} email(s) would be SENT`] : []),
    `  review: ${p.review.approved} approved, ${p.review.pending} pending, ${p.review.rejected} rejected (only approved are pushed)`,
    `  excluded: ${p.excludedCount}${p.excludedCount ? '' : ''}`,
    ...p.excluded
      .slice(0, 20)
      .map(
        (e) =>
          `    lead ${e.leadId} ${e.email ?? '(no email)'}${e.step ? ` step ${e.step}` : ''}: ${e.reason}`,
      ),
    ...(p.excludedCount > 20 ? [`    … ${p.excludedCount - 20} more (use --json for all)`] : []),
    ...(p.repeatCount
      ? [
          `  already pushed here: ${p.repeatCount} (pass --include-repeats to push them again or --skip-repeats to leave them out)`,
        ]
      : []),
    ...p.notes.map((n) => `  note: ${n}`),
  ];
  return lines.join('\n');
}

const resultLine = (r: ResultRow) =>
  `${String(r.itemId).padStart(7)} lead ${String(r.leadId).padStart(6)} ${(r.email ?? '').padEnd(32)}${r.step ? ` step ${r.step}` : ''} ${r.state.padEnd(8)} ${r.reason ?? ''}${r.remoteId ? ` [${r.remoteId}]` : ''}`;

/** Runs the queue here until the push settles or its destination is paused (bad key, credits). */
async function waitForPush(rt: CliRuntime, pushId: number): Promise<PushSummary> {
  const ctx = rt.ctx();
  rt.handlers();
  const runner = createQueueRunner(ctx, {
    owner: `cli-push-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  });
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  runner.start();
  let last = '';
  try {
    for (;;) {
      const s = await rt.call('push.get', { pushId });
      const line = summaryLine(s);
      if (!rt.json && line !== last) process.stderr.write(`${line}\n`);
      last = line;
      if (s.state !== 'active' || s.paused || interrupted) return s;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner.stop();
  }
}

function exitFor(s: PushSummary) {
  if (s.state !== 'done' || s.paused || s.counts.failed > 0) process.exitCode = 1;
}

interface PushOpts {
  to?: string;
  run?: number;
  campaign?: string;
  list?: string;
  profile?: string;
  steps?: string;
  personalization?: string;
  skipIfInWorkspace: boolean;
  verify?: boolean;
  blocklist?: string;
  includeRepeats?: boolean;
  skipRepeats?: boolean;
  dryRun?: boolean;
  wait?: boolean;
  yes?: boolean;
}

function specFrom(o: PushOpts): PushSpecInput {
  const to = Destination.safeParse(o.to);
  if (!to.success) throw new UsageError('--to must be instantly, sendkit or segmentflow.');
  if (o.run === undefined) throw new UsageError('--run ID is required (see `leadprep runs`).');
  const common = { runId: o.run, skipAlreadyPushed: Boolean(o.skipRepeats) };
  if (to.data === 'instantly') {
    if ((o.campaign === undefined) === (o.list === undefined))
      throw new UsageError('Instantly needs exactly one of --campaign ID or --list ID.');
    const mode = PersonalizationMode.safeParse(o.personalization ?? 'first_paragraph');
    if (!mode.success) throw new UsageError('--personalization must be first_paragraph, first_line or none.');
    return {
      destination: 'instantly',
      ...common,
      target: o.campaign !== undefined ? { kind: 'campaign', id: o.campaign } : { kind: 'list', id: o.list! },
      options: {
        personalization: mode.data,
        skipIfInWorkspace: o.skipIfInWorkspace,
        verifyLeadsOnImport: Boolean(o.verify),
        blocklistId: o.blocklist ?? null,
      },
    };
  }
  if (to.data === 'sendkit') {
    if (o.campaign === undefined || o.list !== undefined)
      throw new UsageError('Sendkit needs --campaign ID (it has no lists).');
    return { destination: 'sendkit', ...common, target: { kind: 'campaign', id: o.campaign } };
  }
  if (!o.profile)
    throw new UsageError('Segmentflow needs --profile NAME (a saved profile with the template and sender).');
  const steps = (o.steps ?? '1').split(',').map((s) => Number(s.trim()));
  if (steps.some((s) => !Number.isInteger(s) || s < 1))
    throw new UsageError('--steps must be step numbers like 1 or 1,2.');
  return { destination: 'segmentflow', ...common, profile: o.profile, options: { steps } };
}

export const registerPush: CommandModule = (program: Command, rt: CliRuntime) => {
  const push = program
    .command('push')
    .description(
      "push a run's APPROVED leads to Instantly, Sendkit or Segmentflow (`push retry --push ID` resends failed items)",
    )
    .option('--to <destination>', 'instantly | sendkit | segmentflow')
    .option('--run <id>', 'the run whose approved leads to push', positiveInt('run'))
    .option('--campaign <id>', 'Instantly or Sendkit campaign ID')
    .option('--list <id>', 'Instantly lead list ID')
    .option('--profile <name>', 'Segmentflow destination profile (template, sender)')
    .option('--steps <n,...>', 'Segmentflow: which steps to send now (default 1)')
    .option(
      '--personalization <mode>',
      'Instantly opener from step 1: first_paragraph (default), first_line, none',
    )
    .option('--no-skip-if-in-workspace', 'Instantly: also add leads already elsewhere in the workspace')
    .option('--verify', 'Instantly: verify emails on import (uses Instantly credits)')
    .option('--blocklist <id>', 'Instantly blocklist ID (default: the workspace blocklist)')
    .option('--include-repeats', 'push leads already pushed to this destination/target again')
    .option('--skip-repeats', 'leave out leads already pushed to this destination/target')
    .option('--dry-run', 'show what would be sent, send nothing')
    .option('--wait', 'run the queue here until the push finishes')
    .option('--yes', 'confirm sending (required for Segmentflow, which sends real email)')
    .action(async (o: PushOpts) => {
      const spec = specFrom(o);
      const preview = await rt.call('push.preview', { spec });
      if (o.dryRun) {
        rt.print(preview, () => previewText(preview));
        return;
      }
      if (preview.emailsToSend !== null && !o.yes) {
        throw new UsageError(
          `This would SEND ${preview.emailsToSend} email(s) through Segmentflow (${preview.targetLabel}). Check with --dry-run, then add --yes to send.`,
        );
      }
      const started = await rt.call('push.start', {
        spec,
        confirmSendCount: preview.emailsToSend ?? undefined,
        acknowledgeRepeat: Boolean(o.includeRepeats),
      });
      if (!o.wait) {
        rt.print(
          started,
          () =>
            `${summaryLine(started)}\nQueued ${preview.requests} request(s). Run \`leadprep work\` (or open LeadPrep) to send, or use --wait.`,
        );
        return;
      }
      const final = await waitForPush(rt, started.id);
      rt.print(final, () => summaryLine(final));
      exitFor(final);
    });

  push
    .command('retry')
    .description('send again only the failed items of a push (same idempotency keys)')
    .requiredOption('--push <id>', 'push ID (see `leadprep pushes`)', positiveInt('push'))
    .option('--wait', 'run the queue here until the retry finishes')
    .action(async (o: { push: number; wait?: boolean }) => {
      const s = await rt.call('push.retry', { pushId: o.push });
      if (!o.wait) {
        rt.print(
          s,
          () => `${summaryLine(s)}\nRun \`leadprep work\` (or open LeadPrep) to send, or use --wait.`,
        );
        return;
      }
      const final = await waitForPush(rt, s.id);
      rt.print(final, () => summaryLine(final));
      exitFor(final);
    });

  program
    .command('pushes')
    .description('list pushes with their progress (newest first)')
    .option('--run <id>', 'only pushes of this run', positiveInt('run'))
    .action(async (o: { run?: number }) => {
      const list = await rt.call('push.list', { runId: o.run });
      rt.print(list, () => (list.length ? list.map(summaryLine).join('\n') : 'No pushes yet.'));
    });

  program
    .command('push-results')
    .description('per-lead results of a push')
    .requiredOption('--push <id>', 'push ID', positiveInt('push'))
    .option('--failed', 'only what `push retry` would send again')
    .option('--state <states>', 'only these states, e.g. skipped,rejected')
    .option('--csv', 'print CSV (all matching rows)')
    .action(async (o: { push: number; failed?: boolean; state?: string; csv?: boolean }) => {
      const states = o.state?.split(',').map((s) => s.trim()) as never;
      const filter = { pushId: o.push, retryableOnly: Boolean(o.failed), ...(states ? { states } : {}) };
      if (o.csv) {
        const csv = await rt.call('push.exportResults', filter);
        process.stdout.write(csv.content);
        return;
      }
      const all: ResultRow[] = [];
      let total = 0;
      for (let offset = 0; ; offset += 1000) {
        const page = await rt.call('push.results', { ...filter, offset, limit: 1000 });
        total = page.total;
        all.push(...page.items);
        if (page.items.length < 1000) break;
      }
      rt.print({ total, items: all }, () =>
        all.length ? all.map(resultLine).join('\n') : 'No matching items.',
      );
    });
};

export const registerPushProfiles: CommandModule = (program: Command, rt: CliRuntime) => {
  const profiles = program
    .command('push-profiles')
    .description('Segmentflow destination profiles (template, sender, from, reply-to)');
  profiles
    .command('list')
    .description('list saved profiles')
    .action(async () => {
      const list = await rt.call('push.profiles', {});
      rt.print(list, () =>
        list.length
          ? list
              .map(
                (p) =>
                  `${p.name}: template ${p.settings.templateId}${p.settings.from ? `, from ${p.settings.from}` : ''}`,
              )
              .join('\n')
          : 'No profiles yet.',
      );
    });
  profiles
    .command('set <name>')
    .description('create or replace a profile')
    .requiredOption(
      '--template <id>',
      'Segmentflow template ID (a template you made for LeadPrep: it gets subject, body, body_html, first_name, …)',
    )
    .option('--sender <id>', 'sender profile ID')
    .option('--from <address>', 'from address, e.g. "Ana <ana@acme.io>"')
    .option('--reply-to <address>', 'reply-to address')
    .option('--subscription-group <id>', 'subscription group ID')
    .option('--track-clicks <yes|no>', 'click tracking')
    .action(
      async (
        name: string,
        o: {
          template: string;
          sender?: string;
          from?: string;
          replyTo?: string;
          subscriptionGroup?: string;
          trackClicks?: string;
        },
      ) => {
        const existing = (await rt.call('push.profiles', {})).find((p) => p.name === name);
        const settings = {
          templateId: o.template,
          ...(o.sender ? { senderProfileId: o.sender } : {}),
          ...(o.from ? { from: o.from } : {}),
          ...(o.replyTo ? { replyTo: o.replyTo } : {}),
          ...(o.subscriptionGroup ? { subscriptionGroupId: o.subscriptionGroup } : {}),
          ...(o.trackClicks ? { trackClicks: /^(y|yes|true|1|on)$/i.test(o.trackClicks) } : {}),
        };
        const saved = await rt.call('push.saveProfile', {
          ...(existing ? { id: existing.id } : {}),
          name,
          settings,
        });
        rt.print(saved, () => `Profile "${saved.name}" saved.`);
      },
    );
  profiles
    .command('delete <name>')
    .description('delete a profile (pushes already made keep their own copy)')
    .action(async (name: string) => {
      const res = await rt.call('push.deleteProfile', { name });
      rt.print(res, () => `Profile "${name}" deleted.`);
    });
};
