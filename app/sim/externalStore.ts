/** A value the UI reads with `useSyncExternalStore`: get, set, subscribe. Not zustand: cluster truth stays out of it. */
export class ExternalStore<T> {
  private listeners = new Set<() => void>();

  constructor(private value: T) {}

  /** The current value; stable identity until the next `set`. */
  readonly get = (): T => this.value;

  /** Replaces the value and notifies every subscriber once. */
  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }

  /** Subscribes; returns the unsubscribe function (the shape `useSyncExternalStore` wants). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
