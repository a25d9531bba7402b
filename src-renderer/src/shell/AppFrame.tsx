import { useEffect, useRef } from 'react';
import { useEvent } from '../api/client';
import { RunsBadge } from '../screens/generate/RunsBadge';
import { screens } from '../screens/registry';
import { useKeys } from '../store/keys';
import { useNav } from '../store/nav';
import { Toasts } from '../ui/Toasts';
import { Nav } from './Nav';
import { ScreenHost } from './ScreenHost';
import { StatusArea } from './StatusArea';

/** Ctrl/Cmd+1..6 jump to a section from anywhere, including inside inputs. */
function useScreenShortcuts() {
  const go = useNav((s) => s.go);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const n = Number(e.key);
      const target = Number.isInteger(n) && n >= 1 ? screens[n - 1] : undefined;
      if (!target) return;
      e.preventDefault();
      go(target.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}

export function AppFrame() {
  const screen = useNav((s) => s.screen);
  const main = useRef<HTMLElement>(null);
  const refreshKeys = useKeys((s) => s.refresh);
  const applyKeys = useKeys((s) => s.apply);
  useScreenShortcuts();
  useEvent('keys.changed', applyKeys);
  useEffect(() => {
    void refreshKeys();
  }, [refreshKeys]);
  // Moving focus to the new screen tells screen-reader users the page changed.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [screen]);

  return (
    <div className="app">
      <Nav />
      <main
        ref={main}
        className="app-main"
        tabIndex={-1}
        aria-label={screens.find((s) => s.id === screen)?.label}
      >
        <ScreenHost />
      </main>
      <StatusArea />
      <RunsBadge />
      <Toasts />
    </div>
  );
}
