import type { AppContext } from '../../../../src-main/app/context';

/**
 * Test data straight into the database, for tests that need leads or generated runs without going
 * through the import pipeline or MachFive (generation, review and push tests share it).
 */

export interface SeedLeadsOptions {
  /** Add to this import instead of creating a new committed one. */
  importId?: number;
  /** Lead state (default 'ready'). */
  state?: 'ready' | 'needs_fix' | 'invalid' | 'duplicate' | 'suppressed';
  /** Import status of a new import (default 'committed'). */
  importStatus?: 'draft' | 'committed';
  /** Emails are `<prefix><i>@<domain>` (defaults 'lead', 'example.com'); make them unique per test. */
  emailPrefix?: string;
  domain?: string;
  /** Per-lead overrides, by index. */
  override?: (
    i: number,
  ) => Partial<{ email: string | null; firstName: string; lastName: string; company: string; title: string }>;
}

export interface SeededLeads {
  importId: number;
  leadIds: number[];
  emails: string[];
}

export function seedLeads(ctx: AppContext, n: number, opts: SeedLeadsOptions = {}): SeededLeads {
  const sqlite = ctx.database.sqlite;
  const now = Date.now();
  const prefix = opts.emailPrefix ?? 'lead';
  const domain = opts.domain ?? 'example.com';
  return sqlite.transaction(() => {
    const importId =
      opts.importId ??
      (
        sqlite
          .prepare(
            `INSERT INTO imports (file_name, file_size, sha256, source_kind, sheet, header_row, headers_json, mapping_json, status, row_count, counts_json, created_at, committed_at)
             VALUES (?, 0, ?, 'csv', 'Sheet1', 1, '[]', '{}', ?, ?, '{}', ?, ?) RETURNING id`,
          )
          .get(
            `seed-${prefix}.csv`,
            `seed-${prefix}-${now}-${Math.random()}`,
            opts.importStatus ?? 'committed',
            n,
            now,
            now,
          ) as { id: number }
      ).id;
    const insert = sqlite.prepare(
      `INSERT INTO leads (import_id, row_number, original_json, email, email_key, first_name, last_name, full_name, title, company, website, domain, custom_json, state, reason, flags_json, created_at)
       VALUES (@importId, @row, '{}', @email, @emailKey, @first, @last, @full, @title, @company, @website, @domain, '{}', @state, '', '[]', @now) RETURNING id`,
    );
    const { maxRow } = sqlite
      .prepare(`SELECT COALESCE(MAX(row_number), 1) AS maxRow FROM leads WHERE import_id = ?`)
      .get(importId) as {
      maxRow: number;
    };
    const leadIds: number[] = [];
    const emails: string[] = [];
    for (let i = 0; i < n; i++) {
      const o = opts.override?.(i) ?? {};
      const email = o.email === undefined ? `${prefix}${i}@${domain}` : o.email;
      const first = o.firstName ?? `First${i}`;
      const last = o.lastName ?? `Last${i}`;
      const row = insert.get({
        importId,
        row: maxRow + 1 + i,
        email,
        emailKey: email ? email.toLowerCase() : null,
        first,
        last,
        full: `${first} ${last}`,
        title: o.title ?? 'Founder',
        company: o.company ?? `Company ${i}`,
        website: domain,
        domain,
        state: opts.state ?? 'ready',
        now,
      }) as { id: number };
      leadIds.push(row.id);
      if (email) emails.push(email);
    }
    return { importId, leadIds, emails };
  })();
}

export interface SeedRunOptions {
  /** Lead ids (e.g. from seedLeads) or a number of fresh ready leads to create. */
  leads: number[] | number;
  /** Steps per lead (default 3). */
  steps?: number;
  campaignId?: string;
  /** Subject/body of each step; defaults mention the lead and step. */
  text?: (leadId: number, step: number) => { subject: string; body: string };
}

/** A finished run (one done batch) whose leads all have stored sequence steps, as if MachFive had answered. */
export function seedGeneratedRun(
  ctx: AppContext,
  opts: SeedRunOptions,
): { runId: number; batchId: number; leadIds: number[] } {
  const sqlite = ctx.database.sqlite;
  const leadIds =
    typeof opts.leads === 'number'
      ? seedLeads(ctx, opts.leads, { emailPrefix: `gen${Date.now()}x` }).leadIds
      : opts.leads;
  const steps = opts.steps ?? 3;
  const now = Date.now();
  const text =
    opts.text ??
    ((leadId: number, step: number) => ({
      subject: `Step ${step} for lead ${leadId}`,
      body: `Hi,\nthis is step ${step}.\n`,
    }));
  return sqlite.transaction(() => {
    const run = sqlite
      .prepare(
        `INSERT INTO runs (campaign_id, campaign_name, options_json, batch_size, lead_count, state, created_at, finished_at)
         VALUES (?, 'Seeded campaign', ?, ?, ?, 'done', ?, ?) RETURNING id`,
      )
      .get(
        opts.campaignId ?? 'seeded-campaign',
        JSON.stringify({ listName: 'seeded', emailCount: steps }),
        Math.max(1, leadIds.length),
        leadIds.length,
        now,
        now,
      ) as {
      id: number;
    };
    const batch = sqlite
      .prepare(
        `INSERT INTO batches (run_id, seq, client_ref, state, list_id, lead_count, submitted_at, completed_at, updated_at)
         VALUES (?, 1, ?, 'done', ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(run.id, `lp-${run.id}-1-seeded00`, `seeded-list-${run.id}`, leadIds.length, now, now, now) as {
      id: number;
    };
    const rl = sqlite.prepare(
      `INSERT INTO run_leads (run_id, lead_id, batch_id, gen_state, review_state, updated_at) VALUES (?, ?, ?, 'generated', 'pending', ?)`,
    );
    const st = sqlite.prepare(
      `INSERT INTO sequence_steps (run_id, lead_id, step, subject_generated, body_generated, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const leadId of leadIds) {
      rl.run(run.id, leadId, batch.id, now);
      for (let s = 1; s <= steps; s++) {
        const t = text(leadId, s);
        st.run(run.id, leadId, s, t.subject, t.body, t.subject, t.body, now);
      }
    }
    return { runId: run.id, batchId: batch.id, leadIds };
  })();
}
