import { Component, type ReactNode } from 'react';
import { ErrorScreen } from './ErrorScreen';

/** Last line of defence: a crash anywhere outside the router still shows a readable page. */
export class CrashBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ErrorScreen kind="crash" /> : this.props.children;
  }
}
