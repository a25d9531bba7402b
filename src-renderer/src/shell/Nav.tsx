import { useRef, type KeyboardEvent } from 'react';
import { screens } from '../screens/registry';
import { useNav } from '../store/nav';
import { IS_MAC, SHORTCUT_PREFIX } from '../ui/keys';

/** Left navigation: Tab reaches it, Up/Down/Home/End move between sections, Enter/Space opens one. */
export function Nav() {
  const current = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const list = useRef<HTMLUListElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button.nav-item') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const target =
      e.key === 'ArrowDown'
        ? (index + 1) % buttons.length
        : e.key === 'ArrowUp'
          ? (index - 1 + buttons.length) % buttons.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? buttons.length - 1
              : null;
    if (target === null) return;
    e.preventDefault();
    buttons[target]?.focus();
  };

  return (
    <nav className="app-nav" aria-label="Main">
      <div className="app-brand">LeadPrep</div>
      <ul ref={list} onKeyDown={onKeyDown}>
        {screens.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={s.id === current ? 'page' : undefined}
              aria-keyshortcuts={`${IS_MAC ? 'Meta' : 'Control'}+${i + 1}`}
              onClick={() => go(s.id)}
            >
              <span>{s.label}</span>
              <span className="nav-shortcut" aria-hidden="true">
                {SHORTCUT_PREFIX}
                {i + 1}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
