import type { ReactNode } from 'react';

export interface BannerProps {
  tone: 'info' | 'ok' | 'warn' | 'danger';
  title: ReactNode;
  children?: ReactNode;
}

/** A message inside the page. Warnings and dangers are announced at once (role="alert"). */
export function Banner({ tone, title, children }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'warn' || tone === 'danger' ? 'alert' : 'status'}>
      <p className="banner-title">{title}</p>
      {children && <div className="banner-body">{children}</div>}
    </div>
  );
}
