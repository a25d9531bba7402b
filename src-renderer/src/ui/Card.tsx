import type { ReactNode } from 'react';

export interface CardProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Rendered at the top right, e.g. a status badge. */
  aside?: ReactNode;
  children?: ReactNode;
  /** Names the card's region for screen readers and tests. */
  label?: string;
  /** Makes the card a place to jump to: a link or button elsewhere scrolls to it and focuses it. */
  id?: string;
}

export function Card({ title, subtitle, aside, children, label, id }: CardProps) {
  return (
    <section className="card" aria-label={label} {...(id ? { id, tabIndex: -1 } : {})}>
      <div className="card-header">
        <div>
          <h2>{title}</h2>
          {subtitle && <p className="card-subtitle">{subtitle}</p>}
        </div>
        {aside}
      </div>
      {children}
    </section>
  );
}
