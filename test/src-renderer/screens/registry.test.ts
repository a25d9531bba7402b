import { describe, expect, it } from 'vitest';
import { SCREEN_IDS, screens } from '../../../src-renderer/src/screens/registry';

describe('screen registry', () => {
  it('lists every section once, in navigation order, with Settings last (Ctrl/Cmd+6)', () => {
    expect(screens.map((s) => s.id)).toEqual([...SCREEN_IDS]);
    expect(screens.map((s) => s.label)).toEqual([
      'Import',
      'Clean & dedupe',
      'Generate',
      'Review',
      'Push',
      'Settings',
    ]);
  });

  it('every registered screen module default-exports a component', async () => {
    for (const s of screens.filter((e) => e.load)) {
      const mod = await s.load!();
      expect(typeof mod.default, s.id).toBe('function');
    }
  });
});
