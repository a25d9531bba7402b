import { create, type StoreApi, type UseBoundStore } from 'zustand';

export interface Kept<T> {
  /** Null until something sets it. */
  value: T | null;
  set(value: T | null): void;
}

/** A store of one value kept while the user is on other screens (what a screen shows, a form's choices). */
export function keptValue<T>(): UseBoundStore<StoreApi<Kept<T>>> {
  return create<Kept<T>>((set) => ({ value: null, set: (value) => set({ value }) }));
}
