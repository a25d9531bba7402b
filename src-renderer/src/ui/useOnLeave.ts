import { useEffect, useRef } from 'react';

/**
 * Runs `leave` when the component goes away (another lead, a row scrolled out of a virtual list) and
 * when the window closes or reloads (`pagehide`), which unmounts nothing: what was typed is saved either way.
 */
export function useOnLeave(leave: () => void): void {
  const latest = useRef(leave);
  latest.current = leave;
  useEffect(() => {
    const run = () => latest.current();
    window.addEventListener('pagehide', run);
    return () => {
      window.removeEventListener('pagehide', run);
      run();
    };
  }, []);
}
