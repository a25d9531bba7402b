import type { JobKindDef } from './types';

/**
 * The job kinds this process knows. Services register theirs when they are created (createHandlers),
 * before any runner starts; every host (Electron main, web host, `leadprep work`) builds the same set.
 */
export interface JobRegistry {
  register<P>(def: JobKindDef<P>): void;
  get(kind: string): JobKindDef<unknown> | undefined;
  kinds(): string[];
  /** Tells local runners there is new work now, instead of at their next poll. */
  wake(): void;
  onWake(listener: () => void): () => void;
  /** A provider was paused, resumed, went offline/online or changed concurrency. */
  providersChanged(): void;
  onProvidersChanged(listener: () => void): () => void;
}

export function createJobRegistry(): JobRegistry {
  const defs = new Map<string, JobKindDef<unknown>>();
  const listeners = new Set<() => void>();
  const providerListeners = new Set<() => void>();
  return {
    register(def) {
      // A service created twice (e.g. a second createHandlers on the same context) replaces its own kinds.
      defs.set(def.kind, def as JobKindDef<unknown>);
    },
    get: (kind) => defs.get(kind),
    kinds: () => [...defs.keys()],
    wake() {
      for (const l of listeners) l();
    },
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    providersChanged() {
      for (const l of providerListeners) l();
      for (const l of listeners) l();
    },
    onProvidersChanged(listener) {
      providerListeners.add(listener);
      return () => providerListeners.delete(listener);
    },
  };
}
