import { create } from 'zustand';
import { screens, type ScreenId } from '../screens/registry';

interface NavState {
  screen: ScreenId;
  go(screen: ScreenId): void;
}

// Start on the first screen that is part of this build (Import once it exists, Settings until then).
const firstAvailable: ScreenId = screens.find((s) => s.load)?.id ?? 'settings';

/** Which screen is shown. Any component or store can switch screens with `useNav.getState().go(id)`. */
export const useNav = create<NavState>((set) => ({
  screen: firstAvailable,
  go: (screen) => set({ screen }),
}));
