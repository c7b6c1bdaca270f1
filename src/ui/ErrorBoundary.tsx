import { Fragment } from 'react';
import { Component, type ReactNode } from 'react';

interface Props {
  /** Rendered instead of the children after an error; `retry` remounts them. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('[gatebook] a part of the page failed:', error);
  }

  retry = (): void => {
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, this.retry);
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
