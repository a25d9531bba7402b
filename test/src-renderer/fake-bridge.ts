import type { EventName, LeadPrepBridge } from '../../src-shared/contract';

/**
 * A host for renderer tests: calls go to `invoke`, encoded calls are refused, and the test emits
 * events to whatever the renderer listens to.
 */
export function fakeBridge(invoke: LeadPrepBridge['invoke']): {
  bridge: LeadPrepBridge;
  emit(event: EventName, payload: unknown): void;
} {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return {
    bridge: {
      invoke,
      invokeJson: (name) => Promise.reject(new Error(`unexpected encoded call ${name}`)),
      on(event, listener) {
        let set = listeners.get(event);
        if (!set) listeners.set(event, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    },
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}
