import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MACHFIVE_CAMPAIGN_IDS, startMachFiveSim, type MachFiveSim } from '../sim';

const KEY = 'mf_test_key';
const CAMPAIGN = MACHFIVE_CAMPAIGN_IDS.founders;

let sim: MachFiveSim;
beforeEach(async () => {
  sim = await startMachFiveSim({ processingMs: 150 });
});
afterEach(async () => {
  await sim.close();
});

function call(path: string, init: RequestInit = {}, key: string | null = KEY): Promise<Response> {
  const headers = new Headers(init.headers);
  if (key !== null) headers.set('authorization', `Bearer ${key}`);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${sim.url}${path}`, { ...init, headers });
}

function leads(
  n: number,
  prefix = 'lead',
): { email: string; name: string; company: string; title: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    email: `${prefix}${i}@acme${i}.test`,
    name: `Person${i} Example`,
    company: `Acme ${i}`,
    title: 'CTO',
  }));
}

function submit(body: unknown, campaign: string = CAMPAIGN): Promise<Response> {
  return call(`/api/v1/campaigns/${campaign}/generate-batch`, { method: 'POST', body: JSON.stringify(body) });
}

async function waitFor(listId: string, status: string): Promise<Record<string, unknown>> {
  for (;;) {
    const body = (await (await call(`/api/v1/lists/${listId}`)).json()) as Record<string, unknown>;
    if (body.processing_status === status) return body;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('MachFive simulator', () => {
  it('rejects a missing or wrong key with 401 UNAUTHORIZED, and accepts X-API-Key', async () => {
    const missing = await call('/api/v1/campaigns', {}, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'UNAUTHORIZED' });
    expect((await call('/api/v1/campaigns', {}, 'wrong')).status).toBe(401);
    const viaHeader = await fetch(`${sim.url}/api/v1/campaigns`, { headers: { 'x-api-key': KEY } });
    expect(viaHeader.status).toBe(200);
  });

  it('lists campaigns in the configured shape, hiding foreign ones', async () => {
    const obj = (await (await call('/api/v1/campaigns')).json()) as { campaigns: { id: string }[] };
    expect(obj.campaigns.map((c) => c.id)).toEqual([
      MACHFIVE_CAMPAIGN_IDS.founders,
      MACHFIVE_CAMPAIGN_IDS.agencies,
    ]);
    sim.campaignsShape = 'array';
    expect(Array.isArray(await (await call('/api/v1/campaigns')).json())).toBe(true);
    sim.campaignsShape = 'weird';
    expect(await (await call('/api/v1/campaigns')).json()).toEqual({ foo: 1, data: 'unexpected' });
  });

  it('accepts a batch, completes it asynchronously, then exports one sequence per lead', async () => {
    const res = await submit({ leads: leads(2), options: { list_name: 'run-1 batch-1', email_count: 2 } });
    expect(res.status).toBe(202);
    const { list_id } = (await res.json()) as { list_id: string };

    const early = await call(`/api/v1/lists/${list_id}/export?format=json`);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: 'NOT_READY', processing_status: 'processing' });

    const done = await waitFor(list_id, 'completed');
    expect(done).toMatchObject({ custom_name: 'run-1 batch-1', leads_count: 2, emails_created: 4 });
    expect(typeof done.completed_at).toBe('string');

    const exp = (await (await call(`/api/v1/lists/${list_id}/export?format=json`)).json()) as {
      leads: { email: string; sequence: { step: number; subject: string; body: string }[] }[];
    };
    expect(exp.leads.map((l) => l.email)).toEqual(['lead0@acme0.test', 'lead1@acme1.test']);
    expect(exp.leads[0]?.sequence.map((s) => s.step)).toEqual([1, 2]);
    expect(exp.leads[0]?.sequence[0]?.body).toContain('Hi Person0,');
    expect(exp.leads[0]?.sequence[0]?.body).toContain('Acme 0');
    expect(sim.batchesNamed('run-1 batch-1')).toHaveLength(1);
    expect(sim.credits).toBe(1_000_000 - 2);

    const csv = await call(`/api/v1/lists/${list_id}/export`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe(
      'email,name,company,title,email_1_subject,email_1_body,email_2_subject,email_2_body',
    );
  });

  it('validates batches per the seed: 400 with the offending lead, 404, 403, 402', async () => {
    const bad = await submit({ leads: [{ email: 'ok@a.test' }, { email: 'not-an-email' }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: 'BAD_REQUEST',
      detail: { index: 1, email: 'not-an-email' },
    });
    expect((await submit({ leads: [] })).status).toBe(400);
    const invalidJson = await call(`/api/v1/campaigns/${CAMPAIGN}/generate-batch`, {
      method: 'POST',
      body: '{nope',
    });
    expect(invalidJson.status).toBe(400);
    expect((await submit({ leads: leads(1) }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await submit({ leads: leads(1) }, MACHFIVE_CAMPAIGN_IDS.foreign)).status).toBe(403);
    sim.credits = 1;
    const poor = await submit({ leads: leads(2) });
    expect(poor.status).toBe(402);
    expect(await poor.json()).toMatchObject({ error: 'INSUFFICIENT_CREDITS' });
    expect(sim.acceptedBatches).toHaveLength(0);
  });

  it('answers 429 WORKSPACE_LIMIT while too many lists are processing, and frees the slot on completion', async () => {
    sim.concurrencyLimit = 1;
    sim.processingMs = 60_000;
    expect((await submit({ leads: leads(1) })).status).toBe(202);
    const limited = await submit({ leads: leads(1) });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'WORKSPACE_LIMIT' });
    sim.completeNow();
    expect((await submit({ leads: leads(1) })).status).toBe(202);
  });

  it('paginates GET /lists newest first and filters by status and campaign', async () => {
    sim.concurrencyLimit = 10;
    for (let i = 0; i < 5; i++) {
      expect((await submit({ leads: leads(1), options: { list_name: `ref-${i}` } })).status).toBe(202);
    }
    sim.completeNow(sim.lists[0]?.id);
    const page1 = (await (await call('/api/v1/lists?limit=2')).json()) as {
      lists: { custom_name: string }[];
    };
    const page3 = (await (await call('/api/v1/lists?limit=2&offset=4')).json()) as {
      lists: { custom_name: string }[];
    };
    expect(page1.lists.map((l) => l.custom_name)).toEqual(['ref-4', 'ref-3']);
    expect(page3.lists.map((l) => l.custom_name)).toEqual(['ref-0']);
    const completed = (await (await call('/api/v1/lists?status=completed')).json()) as { lists: unknown[] };
    expect(completed.lists).toHaveLength(1);
    const other = (await (
      await call(`/api/v1/lists?campaign_id=${MACHFIVE_CAMPAIGN_IDS.agencies}`)
    ).json()) as { lists: unknown[] };
    expect(other.lists).toHaveLength(0);
  });

  it('list-fails makes the next accepted list end failed with failed_at', async () => {
    sim.inject({ route: 'generate-batch', kind: 'list-fails' });
    const { list_id } = (await (await submit({ leads: leads(1) })).json()) as { list_id: string };
    const failed = await waitFor(list_id, 'failed');
    expect(typeof failed.failed_at).toBe('string');
    expect((await call(`/api/v1/lists/${list_id}/export?format=json`)).status).toBe(409);
  });

  it('export-missing omits the last N leads from one export', async () => {
    const { list_id } = (await (await submit({ leads: leads(3) })).json()) as { list_id: string };
    sim.completeNow(list_id);
    sim.inject({ route: 'export', kind: 'export-missing', count: 2 });
    const partial = (await (await call(`/api/v1/lists/${list_id}/export?format=json`)).json()) as {
      leads: unknown[];
    };
    expect(partial.leads).toHaveLength(1);
    const full = (await (await call(`/api/v1/lists/${list_id}/export?format=json`)).json()) as {
      leads: unknown[];
    };
    expect(full.leads).toHaveLength(3);
  });

  it('drop-after-accept records the batch but returns no response, so reconciliation finds it by name', async () => {
    sim.inject({ route: 'generate-batch', kind: 'drop-after-accept' });
    await expect(submit({ leads: leads(1), options: { list_name: 'ref-ambiguous' } })).rejects.toThrow();
    expect(sim.batchesNamed('ref-ambiguous')).toHaveLength(1);
    const lists = (await (await call('/api/v1/lists')).json()) as { lists: { custom_name: string }[] };
    expect(lists.lists.map((l) => l.custom_name)).toContain('ref-ambiguous');
  });

  it('drop destroys the connection without processing', async () => {
    sim.inject({ route: 'generate-batch', kind: 'drop' });
    await expect(submit({ leads: leads(1) })).rejects.toThrow();
    expect(sim.acceptedBatches).toHaveLength(0);
    expect(sim.requestsFor('generate-batch')).toHaveLength(1);
  });
});
