import { create } from 'zustand';
import { errorMessage } from '../api/client';

export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  push(tone: Toast['tone'], text: string): number;
  dismiss(id: number): void;
}

// Errors stay longer: the user may need to read what to do next.
const LIFETIME_MS: Record<Toast['tone'], number> = { success: 5000, info: 6000, error: 12000 };
let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(tone, text) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-4), { id, tone, text }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS[tone]);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** Fire-and-forget notifications from anywhere (handlers, stores), no hook needed. */
export const toast = {
  success: (text: string) => useToasts.getState().push('success', text),
  info: (text: string) => useToasts.getState().push('info', text),
  /** Accepts an ApiError (its message is already user-facing) or anything thrown. */
  error: (e: unknown) => useToasts.getState().push('error', typeof e === 'string' ? e : errorMessage(e)),
};
