import { describe, expect, it } from 'vitest';
import { BATCH_STATES, RunSummary } from '../../../src-shared/contract/generation';
import {
  addCta,
  estimateRequest,
  initialForm,
  optionFields,
  optionsOfRun,
  runRequest,
  validate,
  type GenerateForm,
} from '../../../src-renderer/src/screens/generate/form';

const filled = (patch: Partial<GenerateForm> = {}): GenerateForm => ({
  ...initialForm(),
  campaignId: ' camp-1 ',
  campaignName: 'Founders',
  source: { kind: 'import', importId: 7 },
  ...patch,
});

describe('validate', () => {
  it('accepts a complete form', () => {
    expect(validate(filled())).toEqual({});
  });

  it('names every missing or out-of-range field with what to change', () => {
    const errors = validate({
      ...initialForm(),
      emailCount: '6',
      batchSize: '0',
      listName: 'x'.repeat(151),
      approvedCtas: ['ok', 'y'.repeat(501)],
    });
    expect(errors.campaignId).toMatch(/Pick a MachFive campaign/);
    expect(errors.emailCount).toMatch(/1 to 5/);
    expect(errors.batchSize).toMatch(/1 to 500/);
    expect(errors.listName).toMatch(/150 characters/);
    expect(errors.approvedCtas).toMatch(/500 characters/);
    expect(errors.source).toMatch(/Choose an import/);
  });

  it('refuses half-typed numbers instead of guessing', () => {
    expect(validate(filled({ emailCount: '2.5' })).emailCount).toBeDefined();
    expect(validate(filled({ emailCount: '' })).emailCount).toBeDefined();
    expect(validate(filled({ batchSize: '1e2' })).batchSize).toBeDefined();
  });
});

describe('runRequest', () => {
  it('trims text, leaves empty options out and carries the lead choice', () => {
    const req = runRequest(
      filled({
        emailCount: '2',
        batchSize: '25',
        emailSignature: '  ',
        campaignAngle: ' Speed ',
        approvedCtas: [' Call? '],
      }),
    );
    expect(req).toEqual({
      selection: { kind: 'import', importId: 7 },
      batchSize: 25,
      includeGenerated: false,
      campaignId: 'camp-1',
      campaignName: 'Founders',
      options: { listName: '', emailCount: 2, campaignAngle: 'Speed', approvedCtas: ['Call?'] },
    });
  });

  it('sends "all ready leads" and the include-generated choice as chosen', () => {
    const req = runRequest(filled({ source: { kind: 'allReady' }, includeGenerated: true }));
    expect(req.selection).toEqual({ kind: 'allReady' });
    expect(req.includeGenerated).toBe(true);
  });
});

describe('optionsOfRun', () => {
  it("starts the next run from the last run's options, and the form started so asks for the same run", () => {
    const req = runRequest(
      filled({
        listName: 'Expo day 1',
        emailCount: '2',
        batchSize: '40',
        emailSignature: 'Grace',
        approvedCtas: ['Call?'],
      }),
    );
    const run = RunSummary.parse({
      id: 3,
      campaignId: req.campaignId,
      campaignName: req.campaignName ?? null,
      options: req.options,
      batchSize: req.batchSize,
      leadCount: 10,
      state: 'done',
      message: null,
      createdAt: 0,
      finishedAt: 1,
      leads: { generated: 10, pending: 0, notGenerated: 0, failed: 0 },
      batchStates: Object.fromEntries(BATCH_STATES.map((state) => [state, 0])),
    });
    const next = { ...initialForm(), ...optionsOfRun(run), source: req.selection } as GenerateForm;
    // All but the list name, which names one list of leads.
    expect(runRequest(next)).toEqual({ ...req, options: { ...req.options, listName: '' } });
    // The leads are each run's own.
    expect(Object.keys(optionFields(next)).sort()).toEqual([
      'approvedCtas',
      'batchSize',
      'campaignAngle',
      'campaignId',
      'campaignName',
      'emailCount',
      'emailSignature',
      'listName',
    ]);
  });
});

describe('estimateRequest', () => {
  it('waits until an import is chosen and the batch size is valid', () => {
    expect(estimateRequest(filled({ source: { kind: 'import', importId: null } }))).toBeNull();
    expect(estimateRequest(filled({ batchSize: '900' }))).toBeNull();
    expect(estimateRequest(filled({ batchSize: '50' }))).toEqual({
      selection: { kind: 'import', importId: 7 },
      batchSize: 50,
      includeGenerated: false,
    });
  });

  it('sends leads handed over from Clean & dedupe by id, and nothing for an empty hand-over', () => {
    expect(estimateRequest(filled({ source: { kind: 'leads', leadIds: [] } }))).toBeNull();
    expect(estimateRequest(filled({ source: { kind: 'leads', leadIds: [4, 9] } }))?.selection).toEqual({
      kind: 'leads',
      leadIds: [4, 9],
    });
    expect(runRequest(filled({ source: { kind: 'leads', leadIds: [4, 9] } })).selection).toEqual({
      kind: 'leads',
      leadIds: [4, 9],
    });
  });
});

describe('addCta', () => {
  it('ignores blanks and repeats (case-insensitive)', () => {
    expect(addCta(['Call?'], '  ')).toEqual(['Call?']);
    expect(addCta(['Call?'], ' call? ')).toEqual(['Call?']);
    expect(addCta(['Call?'], 'Demo?')).toEqual(['Call?', 'Demo?']);
  });
});
