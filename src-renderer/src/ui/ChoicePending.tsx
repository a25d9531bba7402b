import type { ReactNode } from 'react';
import { Banner } from './Banner';
import { EmptyState } from './EmptyState';
import { Screen } from './Screen';

/**
 * A screen that works on one chosen thing (an import, a run) before there is one: why the list of
 * choices could not load, that it is loading, or an empty state saying where to make the first one.
 */
export function ChoicePending({
  title,
  choices,
  error,
  errorTitle,
  loadingText,
  emptyTitle,
  emptyAction,
  children,
}: {
  title: string;
  /** The choices; null while they load. */
  choices: readonly unknown[] | null;
  error: string | null;
  errorTitle: string;
  loadingText: string;
  emptyTitle: string;
  emptyAction: ReactNode;
  /** What to do first, shown when there is nothing to choose. */
  children: ReactNode;
}) {
  return (
    <Screen title={title}>
      {error && (
        <Banner tone="danger" title={errorTitle}>
          {error}
        </Banner>
      )}
      {choices === null && !error && (
        <p className="muted" role="status">
          {loadingText}
        </p>
      )}
      {choices?.length === 0 && (
        <EmptyState title={emptyTitle} action={emptyAction}>
          {children}
        </EmptyState>
      )}
    </Screen>
  );
}
