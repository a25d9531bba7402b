import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { screenById, screenComponent } from '../screens/registry';
import { useNav } from '../store/nav';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';

class ScreenErrorBoundary extends Component<{ children: ReactNode; name: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Screen ${this.props.name} crashed`, error, info.componentStack);
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <EmptyState
        title={`${this.props.name} stopped working`}
        action={<Button onClick={() => this.setState({ failed: false })}>Try again</Button>}
      >
        <p>Your data is safe. Other screens still work.</p>
      </EmptyState>
    );
  }
}

/** Shows the current screen; a screen not yet part of this build gets an honest empty state. */
export function ScreenHost() {
  const id = useNav((s) => s.screen);
  const entry = screenById(id);
  const ScreenComponent = screenComponent(entry);
  if (!ScreenComponent) {
    return (
      <div className="screen">
        <h1>{entry.label}</h1>
        <EmptyState title={`${entry.label} is not available in this build`}>
          <p>{entry.purpose}</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <ScreenErrorBoundary key={id} name={entry.label}>
      <Suspense
        fallback={
          <p className="muted" role="status">
            Loading {entry.label}…
          </p>
        }
      >
        <ScreenComponent />
      </Suspense>
    </ScreenErrorBoundary>
  );
}
