import type { Logger } from './logger.ts';

/** A domain event: what happened, to what, with a payload. */
export interface DomainEvent<T = unknown> {
  type: string;
  payload: T;
}

type Handler = (event: DomainEvent) => void | Promise<void>;

/**
 * In-process event bus. Handlers run after the publishing transaction
 * committed; a failing handler is logged and never fails the publisher.
 */
export class EventBus {
  private readonly handlers = new Map<string, Handler[]>();
  constructor(private readonly logger: Logger) {}

  on(type: string, handler: Handler): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
  }

  async emit(event: DomainEvent): Promise<void> {
    for (const h of [...(this.handlers.get(event.type) ?? []), ...(this.handlers.get('*') ?? [])]) {
      try {
        await h(event);
      } catch (err) {
        this.logger.error({ err, event: event.type }, 'event handler failed');
      }
    }
  }
}
