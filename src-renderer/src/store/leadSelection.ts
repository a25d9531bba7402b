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
  set(chosen: ChosenLeads | null): void;
}

export const useLeadSelection = create<LeadSelectionState>((set) => ({
  chosen: null,
  set: (chosen) => set({ chosen }),
}));
