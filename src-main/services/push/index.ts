import type { Handlers } from '../../../src-shared/contract';
import type {
  DestinationInfo,
  PushPreview,
  PushSummary,
  TargetsResult,
} from '../../../src-shared/contract/push';
import { PREVIEW_LIST_CAP } from '../../../src-shared/contract/push';
import { AppError } from '../../../src-shared/errors';
import { PROVIDER_LABELS } from '../../../src-shared/providers';
import { chunk } from '../../../src-shared/push/chunk';
import {
  instantlyRequestOptions,
  segmentflowDefaults,
  toInstantlyLead,
  toSegmentflowItem,
  toSendkitLead,
} from '../../../src-shared/push/mapping';
import { planPush, type PushPlan } from '../../../src-shared/push/plan';
import {
  CHUNK_LIMITS,
  DESTINATIONS,
  type PushLead,
  type PushSpec,
  type SegmentflowProfileSettings,
} from '../../../src-shared/push/types';
import type { AppContext } from '../../app/context';
import { isProviderError } from '../../providers/http';
import { enqueueJob } from '../../queue';
import { JOB_KIND, pushClients, type StoredPushConfig } from './config';
import {
  getPush,
  listPushes,
  loadRunLeads,
  previousLookup,
  queryResults,
  settlePush,
  targetLabel,
  type ResultsQuery,
  type StoredTarget,
} from './data';
import { registerPushJobs } from './jobs';
import {
  deleteProfile,
  listProfiles,
  profileByName,
  recentTargets,
  rememberTarget,
  saveProfile,
} from './profiles';
import { resultsCsv } from './export';

type PushHandlers = Pick<
  Handlers,
  | 'push.destinations'
  | 'push.targets'
  | 'push.profiles'
  | 'push.saveProfile'
  | 'push.deleteProfile'
  | 'push.preview'
  | 'push.start'
  | 'push.list'
  | 'push.get'
  | 'push.results'
  | 'push.retry'
  | 'push.exportResults'
>;

const SENDKIT_NOTE =
  "Sendkit's add-leads endpoint carries no custom variables: only email, first name, last name and company reach Sendkit. The generated sequences stay in LeadPrep — export them to Excel/CSV to use them.";

interface Prepared {
  spec: PushSpec;
  plan: PushPlan;
  profile: SegmentflowProfileSettings | null;
  target: StoredTarget;
  review: PushPreview['review'];
  leadsById: Map<number, PushLead>;
}

export function createPushService(ctx: AppContext) {
  const clients = pushClients(ctx);
  const announce = (pushId: number) => {
    try {
      ctx.events.emit('pushes.changed', getPush(ctx, pushId));
    } catch (e) {
      ctx.log.warn(`Could not announce push ${pushId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  registerPushJobs(ctx, announce);

  function prepare(spec: PushSpec): Prepared {
    const profile = spec.destination === 'segmentflow' ? profileByName(ctx, spec.profile).settings : null;
    const run = loadRunLeads(ctx, spec.runId);
    const probe = planPush({ spec, leads: [], profile, blocked: new Map(), previous: () => null });
    const plan = planPush({
      spec,
      leads: run.approved,
      profile,
      blocked: run.blocked,
      previous: previousLookup(ctx, spec.destination, probe.targetKey),
    });
    const target: StoredTarget =
      spec.destination === 'segmentflow'
        ? { kind: 'profile', id: null, name: spec.profile }
        : {
            kind: spec.target.kind,
            id: spec.target.id,
            name:
              spec.target.name ??
              recentTargets(ctx, spec.destination, spec.target.kind).find((r) => r.id === spec.target.id)
                ?.name ??
              null,
          };
    return {
      spec,
      plan,
      profile,
      target,
      review: run.review,
      leadsById: new Map(run.approved.map((l) => [l.leadId, l])),
    };
  }

  function sampleOf(p: Prepared): Record<string, unknown> | null {
    const first = p.plan.items[0];
    const lead = first ? p.leadsById.get(first.leadId) : undefined;
    if (!first || !lead) return null;
    const spec = p.spec;
    if (spec.destination === 'instantly')
      return {
        ...instantlyRequestOptions(spec.target, spec.options),
        leads: [toInstantlyLead(lead, spec.options)],
      };
    if (spec.destination === 'sendkit') return { leads: [toSendkitLead(lead)] };
    const { idempotencyKey: _key, ...item } = toSegmentflowItem(lead, first.step ?? 1, first.idempotencyKey);
    return { defaults: segmentflowDefaults(p.profile!), items: [item] };
  }

  function variablesOf(p: Prepared): string[] {
    const spec = p.spec;
    if (spec.destination === 'sendkit') return ['email', 'firstName', 'lastName', 'companyName'];
    const names = new Set<string>();
    // A sample of items is enough to name the variables; mapping 100k leads here would stall the preview.
    for (const item of p.plan.items.slice(0, 200)) {
      const lead = p.leadsById.get(item.leadId);
      if (!lead) continue;
      const vars =
        spec.destination === 'instantly'
          ? { personalization: '', ...toInstantlyLead(lead, spec.options).custom_variables }
          : toSegmentflowItem(lead, item.step ?? 1, item.idempotencyKey).data;
      for (const k of Object.keys(vars)) names.add(k);
    }
    return [...names].sort();
  }

  function notesOf(p: Prepared): string[] {
    const spec = p.spec;
    const notes: string[] = [];
    if (p.review.pending + p.review.rejected > 0) {
      notes.push(
        `Only approved leads are pushed: ${p.review.pending} pending and ${p.review.rejected} rejected leads of this run stay here.`,
      );
    }
    if (spec.destination === 'sendkit') {
      notes.push(SENDKIT_NOTE);
      notes.push(
        'Sendkit reports how many leads were added and how many were already in the campaign, not which; results say so.',
      );
    }
    if (spec.destination === 'instantly') {
      notes.push(
        'Each lead carries its sequence as custom variables step_1_subject, step_1_body, …; use them in your Instantly campaign emails.',
      );
      if (spec.options.skipIfInWorkspace)
        notes.push(
          'Leads already anywhere in your Instantly workspace are skipped (skip_if_in_workspace is on).',
        );
      if (spec.options.verifyLeadsOnImport)
        notes.push('Instantly will verify the emails on import, which uses Instantly credits.');
    }
    if (spec.destination === 'segmentflow') {
      notes.push(
        `This SENDS ${p.plan.items.length} real email${p.plan.items.length === 1 ? '' : 's'} now through your Segmentflow template ${p.profile!.templateId} (step${spec.options.steps.length === 1 ? '' : 's'} ${spec.options.steps.join(', ')}).`,
      );
      notes.push(
        'Each email has an idempotency key per lead and step, so a retry or a repeated push never sends the same step twice.',
      );
    }
    if (p.plan.repeats.length > 0) {
      notes.push(
        `${p.plan.repeats.length} item${p.plan.repeats.length === 1 ? ' was' : 's were'} already pushed here before. Confirm to push again, or choose to leave them out.`,
      );
    }
    return notes;
  }

  function preview(spec: PushSpec): PushPreview {
    const p = prepare(spec);
    return {
      destination: spec.destination,
      runId: spec.runId,
      targetLabel: targetLabel(spec.destination, p.target),
      review: p.review,
      leadCount: p.plan.leadCount,
      itemCount: p.plan.items.length,
      requests: p.plan.requests,
      chunkSize: CHUNK_LIMITS[spec.destination],
      emailsToSend: spec.destination === 'segmentflow' ? p.plan.items.length : null,
      excludedCount: p.plan.excluded.length,
      excluded: p.plan.excluded.slice(0, PREVIEW_LIST_CAP),
      repeatCount: p.plan.repeats.length,
      repeats: p.plan.repeats.slice(0, PREVIEW_LIST_CAP),
      notes: notesOf(p),
      variables: variablesOf(p),
      sample: sampleOf(p),
    };
  }

  async function start(input: {
    spec: PushSpec;
    confirmSendCount?: number;
    acknowledgeRepeat: boolean;
  }): Promise<PushSummary> {
    const { spec } = input;
    const label = PROVIDER_LABELS[spec.destination];
    if (!(await ctx.secrets.has(spec.destination))) {
      throw new AppError('key_missing', `No ${label} API key is saved. Add it in Settings, then push again.`);
    }
    const p = prepare(spec);
    const n = p.plan.items.length;
    if (n === 0) {
      throw new AppError(
        'invalid_input',
        `Nothing to push: the run has ${p.review.approved} approved lead${p.review.approved === 1 ? '' : 's'} and ${p.plan.excluded.length} of them are excluded. See the preview for the reasons.`,
      );
    }
    if (spec.destination === 'segmentflow' && input.confirmSendCount !== n) {
      throw new AppError(
        'invalid_input',
        `This push sends ${n} email${n === 1 ? '' : 's'} through Segmentflow. Confirm that number to start (confirmSendCount: ${n}; CLI: --yes).`,
      );
    }
    if (p.plan.repeats.length > 0 && !input.acknowledgeRepeat) {
      throw new AppError(
        'conflict',
        `${p.plan.repeats.length} of these were already pushed to ${targetLabel(spec.destination, p.target)} (latest in push #${p.plan.latestRepeatPushId}). Confirm to push them again, or leave them out.`,
      );
    }
    const now = Date.now();
    const config: StoredPushConfig = { spec, profile: p.profile };
    const sqlite = ctx.database.sqlite;
    const insertItem = sqlite.prepare(
      `INSERT INTO push_items (push_id, lead_id, step, idempotency_key, job_id, state, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    );
    const pushId = sqlite.transaction(() => {
      const id = Number(
        sqlite
          .prepare(
            `INSERT INTO pushes (run_id, destination, target_json, target_key, options_json, state, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)`,
          )
          .run(
            spec.runId,
            spec.destination,
            JSON.stringify(p.target),
            p.plan.targetKey,
            JSON.stringify(config),
            now,
          ).lastInsertRowid,
      );
      chunk(p.plan.items, CHUNK_LIMITS[spec.destination]).forEach((items, n) => {
        const jobId = enqueueJob(
          ctx,
          {
            kind: JOB_KIND[spec.destination],
            provider: spec.destination,
            payload: { pushId: id },
            pushId: id,
            dedupeKey: `push:${id}:${n}`,
          },
          now,
        );
        for (const it of items) insertItem.run(id, it.leadId, it.step, it.idempotencyKey, jobId, now);
      });
      return id;
    })();
    if (spec.destination !== 'segmentflow')
      rememberTarget(ctx, spec.destination, spec.target.kind, spec.target.id, p.target.name, now);
    ctx.log.info(
      `Push ${pushId} started: ${n} item(s) of run ${spec.runId} to ${targetLabel(spec.destination, p.target)}`,
    );
    ctx.jobs.wake();
    announce(pushId);
    return getPush(ctx, pushId);
  }

  function retry(pushId: number): PushSummary {
    const push = getPush(ctx, pushId);
    const sqlite = ctx.database.sqlite;
    const ids = sqlite
      .prepare(
        `SELECT id FROM push_items WHERE push_id = ? AND (state = 'failed' OR (state = 'rejected' AND retryable = 1)) ORDER BY id`,
      )
      .pluck()
      .all(pushId) as number[];
    if (ids.length === 0) {
      throw new AppError(
        'invalid_input',
        `Push ${pushId} has nothing to retry: no failed items${push.counts.rejected ? ' and its rejections cannot be fixed by sending again' : ''}.`,
      );
    }
    const now = Date.now();
    const reset = sqlite.prepare(
      `UPDATE push_items SET state = 'pending', job_id = ?, reason = NULL, reason_code = NULL, retryable = 0, updated_at = ? WHERE id = ?`,
    );
    sqlite.transaction(() => {
      chunk(ids, CHUNK_LIMITS[push.destination]).forEach((chunkIds, n) => {
        const jobId = enqueueJob(
          ctx,
          {
            kind: JOB_KIND[push.destination],
            provider: push.destination,
            payload: { pushId },
            pushId,
            dedupeKey: `push:${pushId}:retry:${now}:${n}`,
          },
          now,
        );
        for (const id of chunkIds) reset.run(jobId, now, id);
      });
      settlePush(ctx, pushId, now);
    })();
    ctx.log.info(`Push ${pushId}: retrying ${ids.length} item(s)`);
    ctx.jobs.wake();
    announce(pushId);
    return getPush(ctx, pushId);
  }

  async function targets(
    destination: 'instantly' | 'sendkit',
    kind: 'campaign' | 'list',
  ): Promise<TargetsResult> {
    const recent = recentTargets(ctx, destination, kind);
    if (destination === 'sendkit') {
      if (kind !== 'campaign')
        throw new AppError('invalid_input', 'Sendkit pushes go to a campaign; it has no lists.');
      return {
        picker: false,
        items: [],
        recent,
        message:
          "Sendkit's API does not document a way to list campaigns: paste the campaign ID from Sendkit (campaign settings or URL).",
        idFormat: 'Sendkit campaign ID, e.g. 665d4e5f6a7b8c9d0e1f2a3b',
      };
    }
    const idFormat = `Instantly ${kind} ID (a UUID like 019cc043-e39c-7d91-a325-6615db0e1b14)`;
    if (!(await ctx.secrets.has('instantly'))) {
      return {
        picker: true,
        items: [],
        recent,
        message: 'No Instantly key is saved: add it in Settings to pick from your campaigns, or paste an ID.',
        idFormat,
      };
    }
    try {
      const client = clients.instantly();
      const items = kind === 'campaign' ? await client.listCampaigns() : await client.listLeadLists();
      return {
        picker: true,
        items,
        recent,
        message: items.length === 0 ? `Your Instantly workspace has no ${kind}s yet.` : null,
        idFormat,
      };
    } catch (e) {
      if (isProviderError(e))
        return {
          picker: true,
          items: [],
          recent,
          message: `${e.message} You can still paste an ID.`,
          idFormat,
        };
      throw e;
    }
  }

  async function destinations(): Promise<DestinationInfo[]> {
    const keys = await Promise.all(DESTINATIONS.map((d) => ctx.secrets.has(d).catch(() => false)));
    return DESTINATIONS.map((destination, i) => ({
      destination,
      label: PROVIDER_LABELS[destination],
      keySet: keys[i] ?? false,
      targetKinds:
        destination === 'instantly'
          ? ['campaign', 'list']
          : destination === 'sendkit'
            ? ['campaign']
            : ['profile'],
      picker: destination === 'instantly',
      maxPerRequest: CHUNK_LIMITS[destination],
      carriesSequences: destination !== 'sendkit',
      sendsEmail: destination === 'segmentflow',
      notes:
        destination === 'instantly'
          ? [
              'Adds leads to a campaign or list; sequences travel as custom variables (step_1_subject, step_1_body, …).',
            ]
          : destination === 'sendkit'
            ? [SENDKIT_NOTE]
            : [
                'Sends email immediately through a Segmentflow template of yours; the subject and body travel in the template data.',
              ],
    }));
  }

  const handlers: PushHandlers = {
    'push.destinations': destinations,
    'push.targets': ({ destination, kind }) => targets(destination, kind),
    'push.profiles': async () => listProfiles(ctx),
    'push.saveProfile': async (input) => saveProfile(ctx, input),
    'push.deleteProfile': async ({ name }) => {
      deleteProfile(ctx, name);
      return { ok: true as const };
    },
    'push.preview': async ({ spec }) => preview(spec),
    'push.start': (input) => start(input),
    'push.list': async ({ runId, limit }) => listPushes(ctx, runId, limit),
    'push.get': async ({ pushId }) => getPush(ctx, pushId),
    'push.results': async ({ offset, limit, ...q }) => queryResults(ctx, q as ResultsQuery, offset, limit),
    'push.retry': async ({ pushId }) => retry(pushId),
    'push.exportResults': async (q) => resultsCsv(ctx, q as ResultsQuery),
  };
  return { handlers, preview, start, retry };
}
