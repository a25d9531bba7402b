import type { EventName, EventPayload } from '../../src-shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Main -> renderer notifications. Hosts subscribe once and forward to windows or SSE streams. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      for (const l of listeners) l(name, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
