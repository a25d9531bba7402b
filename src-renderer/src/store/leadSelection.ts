import { create } from 'zustand';

/** Leads picked in Clean & dedupe (rows or a filter of one committed import), handed to Generate. */
export interface ChosenLeads {
  leadIds: number[];
  importId: number;
  /** How they were chosen, in words for the Generate screen ("2 selected rows of leads.csv"). */
  label: string;
}

interface LeadSelectionState {
  chosen: ChosenLeads | null;
  /** The import Generate opens on next (its ready leads), in place of the newest; read once. */
  preferredImport: number | null;
  set(chosen: ChosenLeads | null): void;
  /** Hands every ready lead of one import to Generate, in place of any leads picked before; null forgets it. */
  preferImport(importId: number | null): void;
}

export const useLeadSelection = create<LeadSelectionState>((set) => ({
  chosen: null,
  preferredImport: null,
  set: (chosen) => set({ chosen }),
  preferImport: (importId) =>
    set((s) => ({ chosen: importId === null ? s.chosen : null, preferredImport: importId })),
}));
