import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { encodeInput, isBytes } from '../../../src-shared/contract/encoded';

describe('encodeInput', () => {
  it('is the input as UTF-8 JSON, non-Latin text included', () => {
    const json = encodeInput('suppressions.add', {
      entries: ['Łukasz@példa.hu', '山田@例え.jp'],
      source: 'typed',
    });
    expect(JSON.parse(new TextDecoder().decode(json))).toEqual({
      entries: ['Łukasz@példa.hu', '山田@例え.jp'],
      source: 'typed',
    });
  });
});

describe('isBytes', () => {
  it('accepts bytes made in another realm, as values copied across the context bridge are', () => {
    const foreign: unknown = runInNewContext('new Uint8Array([123, 125])');
    expect(foreign instanceof Uint8Array).toBe(false);
    expect(isBytes(foreign)).toBe(true);
    expect(isBytes(Buffer.from('{}'))).toBe(true);
  });

  it('refuses text, other views and look-alikes', () => {
    for (const value of ['{}', new Uint16Array(2), new ArrayBuffer(2), [123, 125], { length: 2 }, null])
      expect(isBytes(value)).toBe(false);
  });
});
