import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MACHFIVE_CAMPAIGN_IDS, startMachFiveSim, type MachFiveSim } from '../sim';

let sim: MachFiveSim;
beforeEach(async () => {
  sim = await startMachFiveSim({ processingMs: 100 });
});
afterEach(async () => {
  await sim.close();
});

const auth = { authorization: 'Bearer mf_test_key', 'content-type': 'application/json' };
const campaigns = (): Promise<Response> => fetch(`${sim.url}/api/v1/campaigns`, { headers: auth });
const submit = (listName: string, signal?: AbortSignal): Promise<Response> =>
  fetch(`${sim.url}/api/v1/campaigns/${MACHFIVE_CAMPAIGN_IDS.founders}/generate-batch`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ leads: [{ email: 'a@b.test' }], options: { list_name: listName } }),
    signal,
  });

describe('simulator core (fault engine, recording, admin surface)', () => {
  it('status faults use the provider error shape, carry Retry-After, and are consumed `times` times', async () => {
    sim.inject({ route: 'campaigns', kind: 'status', status: 429, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await campaigns();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toMatchObject({ error: 'WORKSPACE_LIMIT' });
    }
    expect((await campaigns()).status).toBe(200);
  });

  it("faults only hit their route; '*' hits any route; 'always' stays until cleared", async () => {
    sim.inject({ route: 'lists', kind: 'status', status: 503 });
    expect((await campaigns()).status).toBe(200);
    sim.clearFaults();
    sim.inject({ route: '*', kind: 'status', status: 500, code: 'INTERNAL_ERROR', times: 'always' });
    expect((await campaigns()).status).toBe(500);
    expect((await campaigns()).status).toBe(500);
    sim.clearFaults();
    expect((await campaigns()).status).toBe(200);
  });

  it('slow processes the request on arrival: a client that times out still created the batch', async () => {
    sim.inject({ route: 'generate-batch', kind: 'slow', ms: 1000 });
    await expect(submit('ref-slow', AbortSignal.timeout(100))).rejects.toThrow();
    expect(sim.batchesNamed('ref-slow')).toHaveLength(1);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    sim.inject({ route: 'campaigns', kind: 'malformed' });
    const res = await campaigns();
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('records requests with method, path, query, headers and parsed body', async () => {
    await fetch(`${sim.url}/api/v1/lists?limit=5`, { headers: auth });
    await submit('ref-rec');
    expect(sim.requests.map((r) => r.route)).toEqual(['lists', 'generate-batch']);
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/lists', query: { limit: '5' } });
    expect(sim.requests[1]?.headers.authorization).toBe('Bearer mf_test_key');
    expect(sim.requests[1]?.body).toMatchObject({ options: { list_name: 'ref-rec' } });
  });

  it('down() refuses connections and up() serves again on the same port with state kept', async () => {
    await submit('ref-before');
    const port = sim.port;
    await sim.down();
    await expect(campaigns()).rejects.toThrow();
    await sim.up();
    expect(sim.port).toBe(port);
    expect((await campaigns()).status).toBe(200);
    expect(sim.batchesNamed('ref-before')).toHaveLength(1);
  });

  it('admin routes need no auth: queue a fault, read state, reset', async () => {
    const queued = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'campaigns', kind: 'status', status: 402 }),
    });
    expect(queued.status).toBe(201);
    expect((await campaigns()).status).toBe(402);
    const invalid = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'nope' }),
    });
    expect(invalid.status).toBe(400);
    const typo = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'generate_batch', kind: 'drop' }),
    });
    expect(typo.status).toBe(400);
    expect(() => sim.inject({ route: 'lists', kind: 'list-fails' })).toThrow(/generate-batch/);

    await submit('ref-state');
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({
      sim: 'machfive',
      acceptedBatches: 1,
      batchesByListName: { 'ref-state': 1 },
    });

    const config = await fetch(`${sim.url}/__sim/config`, {
      method: 'POST',
      body: JSON.stringify({ credits: 0 }),
    });
    expect(config.status).toBe(200);
    expect((await submit('ref-poor')).status).toBe(402);

    expect((await fetch(`${sim.url}/__sim/reset`, { method: 'POST' })).status).toBe(204);
    expect(sim.acceptedBatches).toHaveLength(0);
    expect(sim.requests).toHaveLength(0);
    expect((await submit('ref-after-reset')).status).toBe(202);
  });
});
