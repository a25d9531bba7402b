import type { ReactNode } from 'react';

/**
 * Standard screen layout: a title (the page's only h1) with the actions beside it, and an optional line
 * of context under both. The context line gets the whole width, so the actions stay on the title's line
 * in a small window instead of wrapping below a long context.
 */
export function Screen({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
        {actions && <div className="row">{actions}</div>}
        {description && <p className="muted screen-description">{description}</p>}
      </header>
      {children}
    </div>
  );
}
