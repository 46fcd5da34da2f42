import { DataSource } from 'typeorm';
import { EventOn, TopicName } from '@sieve/contracts';
import { EventPublisher } from '@sieve/kafka';
import type { Logger } from '@sieve/telemetry';
import { OutboxRepository } from '@sieve/tickets-data-access';

export interface OutboxRelayOptions {
  /** How long the relay waits when the outbox is empty (a nudge cuts it short). */
  idleMs: number;
  batchSize: number;
}

/**
 * Publishes the outbox to Kafka: a batch of the oldest messages, locked, published, and deleted in
 * one transaction once Kafka acknowledged them. If the publish fails nothing is deleted and the
 * batch goes again (at least once; consumers recognise events by id). Instances share the outbox.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = { idleMs: 500, batchSize: 500 },
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Something was just written to the outbox: publish now rather than after the idle wait. */
  nudge(): void {
    this.wake?.();
  }

  /** Publishes one batch of what is waiting; how many messages it published. */
  async publishPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const outbox = new OutboxRepository(manager);
      const messages = await outbox.lockOldest(this.options.batchSize);
      if (messages.length === 0) return 0;
      // One batch per topic, in outbox order: messages with one key keep their order.
      const byTopic = new Map<TopicName, { key: string; event: EventOn<TopicName> }[]>();
      for (const message of messages) {
        const topic = message.topic as TopicName;
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key: message.messageKey, event: message.event as unknown as EventOn<TopicName> }]);
      }
      await this.publisher.publishMany([...byTopic].map(([topic, events]) => ({ topic, events })));
      await outbox.remove(messages.map((message) => message.id));
      return messages.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.publishPending()) === this.options.batchSize) continue;
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay could not publish; it tries again');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.idleMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
