// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src-renderer/src/screens/review/useShortcuts';

const key = (k: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) =>
  shortcutFor({ key: k, target, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('review shortcuts', () => {
  it('maps the documented keys when the user is not typing', () => {
    expect(key('j')).toBe('next');
    expect(key('ArrowDown')).toBe('next');
    expect(key('k')).toBe('prev');
    expect(key('ArrowUp')).toBe('prev');
    expect(key('a')).toBe('approve');
    expect(key('r')).toBe('reject');
    expect(key('u')).toBe('reset');
    expect(key('e')).toBe('edit');
    expect(key('/')).toBe('search');
    expect(key('z')).toBe('undo');
    expect(key('?')).toBe('help');
    expect(key('z', document.body, { ctrlKey: true })).toBe('undo');
    expect(key('z', document.body, { metaKey: true })).toBe('undo');
  });

  it('leaves keys alone while typing in a field, and leaves other modifier combinations to the app', () => {
    const textarea = document.createElement('textarea');
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(key('a', textarea)).toBeNull();
    expect(key('j', input)).toBeNull();
    expect(key('z', textarea, { ctrlKey: true })).toBeNull();
    expect(key('a', checkbox)).toBe('approve');
    expect(key('a', document.body, { ctrlKey: true })).toBeNull();
    expect(key('1', document.body, { ctrlKey: true })).toBeNull();
    expect(key('z', document.body, { ctrlKey: true, shiftKey: true })).toBeNull();
  });
});
