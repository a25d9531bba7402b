import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PushSpec } from '../../../src-shared/push/types';
import {
  buildSpec,
  confirmsCount,
  idError,
  initialForm,
  type PushForm,
} from '../../../src-renderer/src/screens/push/form';

const CAMPAIGN = '019cc043-e39c-7d91-a325-6615db0e1b14';

const instantly = (patch: Partial<PushForm['instantly']> = {}): PushForm => ({
  ...initialForm,
  runId: 7,
  destination: 'instantly',
  instantly: { ...initialForm.instantly, id: CAMPAIGN, ...patch },
});

describe('buildSpec', () => {
  it('says what is missing, in order: run, destination, target', () => {
    expect(buildSpec(initialForm)).toEqual({ ok: false, missing: 'Choose a run.' });
    expect(buildSpec({ ...initialForm, runId: 1 })).toEqual({ ok: false, missing: 'Choose where to push.' });
    expect(buildSpec(instantly({ id: '' }))).toEqual({
      ok: false,
      missing: 'Pick an Instantly campaign or paste its ID.',
    });
    expect(buildSpec(instantly({ kind: 'list', id: ' ' }))).toMatchObject({
      missing: 'Pick an Instantly list or paste its ID.',
    });
    expect(buildSpec({ ...initialForm, runId: 1, destination: 'sendkit' })).toMatchObject({
      missing: 'Paste the Sendkit campaign ID.',
    });
    expect(buildSpec({ ...initialForm, runId: 1, destination: 'segmentflow' })).toMatchObject({
      missing: 'Choose or create a Segmentflow destination profile.',
    });
  });

  it('builds an Instantly spec with the safe default options and the picked name', () => {
    const r = buildSpec(instantly({ id: ` ${CAMPAIGN} `, name: 'Q1 founders' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const spec = PushSpec.parse(r.spec);
    expect(spec).toMatchObject({
      destination: 'instantly',
      runId: 7,
      target: { kind: 'campaign', id: CAMPAIGN, name: 'Q1 founders' },
    });
    if (spec.destination !== 'instantly') return;
    expect(spec.options).toEqual({
      personalization: 'first_paragraph',
      skipIfInWorkspace: true,
      skipIfInCampaign: false,
      skipIfInList: false,
      verifyLeadsOnImport: false,
      blocklistId: null,
    });
  });

  it('refuses a malformed Instantly ID or blocklist ID instead of sending it', () => {
    expect(buildSpec(instantly({ id: 'not-a-uuid' }))).toMatchObject({
      ok: false,
      missing: expect.stringMatching(/^Check the target ID/),
    });
    const badBlocklist = instantly({ options: { ...initialForm.instantly.options, blocklistId: 'nope' } });
    expect(buildSpec(badBlocklist)).toMatchObject({
      ok: false,
      missing: expect.stringMatching(/^Check the blocklist ID: it must be a UUID/),
    });
  });

  it('sorts Segmentflow steps and refuses an empty step choice', () => {
    const form: PushForm = {
      ...initialForm,
      runId: 3,
      destination: 'segmentflow',
      segmentflow: { profile: 'Main', steps: [3, 1] },
    };
    expect(buildSpec(form)).toMatchObject({
      ok: true,
      spec: { profile: 'Main', options: { steps: [1, 3] } },
    });
    expect(buildSpec({ ...form, segmentflow: { profile: 'Main', steps: [] } })).toMatchObject({
      missing: 'Choose at least one step to send.',
    });
  });
});

describe('idError', () => {
  it('is quiet while empty and explains a bad ID per destination', () => {
    expect(idError('instantly', '')).toBeNull();
    expect(idError('instantly', CAMPAIGN)).toBeNull();
    expect(idError('instantly', '1234')).toMatch(/UUID/);
    expect(idError('sendkit', '665d4e5f6a7b8c9d0e1f2a3b')).toBeNull();
    expect(idError('sendkit', 'has space')).toMatch(/Sendkit campaign ID/);
  });
});

describe('confirmsCount', () => {
  it('accepts exactly the count, with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(confirmsCount(String(n), n)).toBe(true);
        expect(confirmsCount(n.toLocaleString('en-US'), n)).toBe(true);
        expect(confirmsCount(String(n + 1), n)).toBe(false);
      }),
    );
  });

  it('rejects empty, partial and non-numeric input', () => {
    expect(confirmsCount('', 0)).toBe(false);
    expect(confirmsCount('12', 120)).toBe(false);
    expect(confirmsCount('yes', 3)).toBe(false);
    expect(confirmsCount('3 emails', 3)).toBe(false);
  });
});
