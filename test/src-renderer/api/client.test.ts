import { afterEach, describe, expect, it } from 'vitest';
import { setBridge } from '../../../src-renderer/src/api/bridge';
import { api, ApiError, errorMessage } from '../../../src-renderer/src/api/client';
import { encodeInput, type CallName, type LeadPrepBridge } from '../../../src-shared/contract';

function fakeBridge(
  answer: (name: CallName, input: unknown) => unknown,
): LeadPrepBridge & { seen: Array<[CallName, unknown]> } {
  const seen: Array<[CallName, unknown]> = [];
  return {
    seen,
    async invoke(name, input) {
      seen.push([name, input]);
      return answer(name, input);
    },
    async invokeJson(name, json) {
      seen.push([name, json]);
      return answer(name, json);
    },
    on: () => () => undefined,
  };
}

const status = { provider: 'machfive', set: true, lastVerifiedAt: null, lastCheck: null };

afterEach(() => setBridge(null));

describe('api.call', () => {
  it('passes name and input through and returns the unwrapped, parsed value', async () => {
    const bridge = fakeBridge(() => ({ ok: true, value: status }));
    setBridge(bridge);
    await expect(api.call('keys.set', { provider: 'machfive', key: 'abcdefgh12' })).resolves.toEqual(status);
    expect(bridge.seen).toEqual([['keys.set', { provider: 'machfive', key: 'abcdefgh12' }]]);
  });

  it('throws an ApiError carrying the typed code and the plain-language message', async () => {
    setBridge(
      fakeBridge(() => ({
        ok: false,
        error: { code: 'keychain_unavailable', message: 'Unlock your keychain.' },
      })),
    );
    const err = await api.call('keys.status', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'keychain_unavailable', message: 'Unlock your keychain.' });
    expect(errorMessage(err)).toBe('Unlock your keychain.');
  });

  it('refuses an answer that is not an envelope, or whose value breaks the output schema', async () => {
    setBridge(fakeBridge(() => 'surprise'));
    await expect(api.call('keys.status', {})).rejects.toMatchObject({ code: 'bad_response' });
    setBridge(fakeBridge(() => ({ ok: true, value: { ...status, set: 'yes' } })));
    await expect(api.call('keys.clear', { provider: 'machfive' })).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('never shows a raw exception text to the user', () => {
    expect(errorMessage(new Error('ECONNRESET at socket.js:12'))).not.toContain('ECONNRESET');
  });
});

describe('api.callJson', () => {
  it('hands the encoded bytes to the host untouched and parses the answer like any call', async () => {
    const bridge = fakeBridge(() => ({ ok: true, value: { staged: 2 } }));
    setBridge(bridge);
    const json = encodeInput('imports.stageRows', { importId: 4, rows: [] });
    await expect(api.callJson('imports.stageRows', json)).resolves.toEqual({ staged: 2 });
    expect(bridge.seen).toEqual([['imports.stageRows', json]]);
    expect(JSON.parse(new TextDecoder().decode(json))).toEqual({ importId: 4, rows: [] });
  });

  it('throws the host error, and refuses an answer that breaks the output schema', async () => {
    const json = encodeInput('imports.stageRows', { importId: 4, rows: [] });
    setBridge(fakeBridge(() => ({ ok: false, error: { code: 'conflict', message: 'Already staged.' } })));
    await expect(api.callJson('imports.stageRows', json)).rejects.toMatchObject({
      code: 'conflict',
      message: 'Already staged.',
    });
    setBridge(fakeBridge(() => ({ ok: true, value: { staged: 'two' } })));
    await expect(api.callJson('imports.stageRows', json)).rejects.toMatchObject({ code: 'bad_response' });
  });
});
