import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { isAbort } from './api/errors.ts';

/** The state of one asynchronous load. */
export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Runs the load again (e.g. after a retry button). */
  reload(): void;
}

/**
 * Runs `load` when `deps` change and tracks its result. A load that is
 * superseded or unmounted is aborted, so a slow old answer never overwrites a new one.
 *
 * @example
 * const { data, error, loading } = useAsync((signal) => getUnit(code, signal), [code]);
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setState({ data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure every render; the caller's deps say when it really changed.
  }, [...deps, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
