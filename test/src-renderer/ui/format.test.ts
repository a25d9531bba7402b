import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../src-renderer/src/ui/format';

describe('relativeTime', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  it('says "just now" for the last few seconds and uses the largest sensible unit after that', () => {
    expect(relativeTime(now - 5_000, now)).toBe('just now');
    expect(relativeTime(now - 3 * 60_000, now)).toMatch(/3 minutes ago/);
    expect(relativeTime(now - 2 * 3600_000, now)).toMatch(/2 hours ago/);
    expect(relativeTime(now - 3 * 24 * 3600_000, now)).toMatch(/3 days ago/);
  });
});
