import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The sections of the app, in navigation order; Ctrl/Cmd+1..6 follow this order. */
export const SCREEN_IDS = ['import', 'clean', 'generate', 'review', 'push', 'settings'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface ScreenEntry {
  id: ScreenId;
  label: string;
  /** One line under the title of the empty state while the screen is not part of the build. */
  purpose: string;
  /** The screen's module, loaded on first visit. Its default export is the screen component. */
  load?: () => Promise<{ default: ComponentType }>;
}

/**
 * THE place screens plug into the app frame. To add yours, give your entry a `load`, e.g.
 *   load: () => import('./import/ImportScreen'),
 * and default-export the component from that file. Nothing else needs to change.
 */
export const screens: readonly ScreenEntry[] = [
  {
    id: 'import',
    label: 'Import',
    purpose: 'Bring in lead files from Excel or CSV.',
    load: () => import('./import/ImportScreen'),
  },
  {
    id: 'clean',
    label: 'Clean & dedupe',
    purpose: 'Fix, validate and deduplicate imported leads.',
    load: () => import('./clean/CleanScreen'),
  },
  {
    id: 'generate',
    label: 'Generate',
    purpose: 'Have MachFive write a sequence for each lead.',
    load: () => import('./generate/GenerateScreen'),
  },
  {
    id: 'review',
    label: 'Review',
    purpose: 'Read, edit and approve every email.',
    load: () => import('./review/ReviewScreen'),
  },
  {
    id: 'push',
    label: 'Push',
    purpose: 'Send approved leads to your sending tool or export them.',
    load: () => import('./push/PushScreen'),
  },
  {
    id: 'settings',
    label: 'Settings',
    purpose: 'API keys, connection tests and app information.',
    load: () => import('./settings/SettingsScreen'),
  },
];

const cache = new Map<ScreenId, LazyExoticComponent<ComponentType>>();

/** One lazy component per screen, created once so React keeps its state between renders. */
export function screenComponent(entry: ScreenEntry): LazyExoticComponent<ComponentType> | null {
  if (!entry.load) return null;
  let component = cache.get(entry.id);
  if (!component) {
    component = lazy(entry.load);
    cache.set(entry.id, component);
  }
  return component;
}

export const screenById = (id: ScreenId): ScreenEntry =>
  screens.find((s) => s.id === id) ?? (screens[screens.length - 1] as ScreenEntry);
