import type { ReactNode } from 'react';

export interface CardProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Rendered at the top right, e.g. a status badge. */
  aside?: ReactNode;
  children?: ReactNode;
  /** Names the card's region for screen readers and tests. */
  label?: string;
}

export function Card({ title, subtitle, aside, children, label }: CardProps) {
  return (
    <section className="card" aria-label={label}>
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
