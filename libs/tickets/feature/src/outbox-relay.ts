import { DataSource } from 'typeorm';
import { EventOn, TopicName } from '@sieve/contracts';
import { EventPublisher } from '@sieve/kafka';
import type { Logger } from '@sieve/telemetry';
import { OutboxRepository, PersonalData } from '@sieve/tickets-data-access';
import { PollingLoop } from './polling-loop';

export interface OutboxRelayOptions {
  /** How long the relay waits when the outbox is empty (a nudge cuts it short). */
  idleMs: number;
  batchSize: number;
}

/**
 * Publishes the outbox to Kafka: a batch of the oldest messages, locked, published, and deleted in
 * one transaction once Kafka acknowledged them. If the publish fails nothing is deleted and the
 * batch goes again (at least once; consumers recognise events by id). Every instance runs a relay;
 * one of them publishes at a time.
 */
export class OutboxRelay {
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly personalData: PersonalData,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = { idleMs: 500, batchSize: 500 },
  ) {
    // A full batch means more may be waiting: go on at once.
    this.loop = new PollingLoop(async () => (await this.publishPending()) === this.options.batchSize, options.idleMs, (error) =>
      this.logger.warn({ err: error }, 'outbox relay could not publish; it tries again'),
    );
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Something was just written to the outbox: publish now rather than after the idle wait. */
  nudge(): void {
    this.loop.nudge();
  }

  /**
   * Publishes one batch of what is waiting; how many outbox rows it is done with. One relay
   * publishes at a time (a transaction-scoped advisory lock), so events with one key leave in the
   * order written. A row that can't be opened (its key encryption key is gone) is logged and left
   * for an operator; it doesn't hold up the others.
   */
  async publishPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`select pg_try_advisory_xact_lock(hashtext('sieve.outbox-relay')) as locked`);
      if (!locked) return 0;
      const outbox = new OutboxRepository(manager, this.personalData);
      const done: string[] = [];
      const byTopic = new Map<TopicName, { key: string; event: EventOn<TopicName> }[]>();
      for (const message of await outbox.lockOldest(this.options.batchSize)) {
        let event: EventOn<TopicName> | null;
        try {
          event = await outbox.eventOf(message);
        } catch (error) {
          this.logger.error({ err: error, outboxId: message.id, topic: message.topic }, 'an outbox event could not be opened; it stays in the outbox');
          continue;
        }
        done.push(message.id);
        // An event sealed for an end user erased since is not sent at all.
        if (!event) continue;
        const topic = message.topic as TopicName;
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key: message.messageKey, event }]);
      }
      await this.publisher.publishMany([...byTopic].map(([topic, events]) => ({ topic, events })));
      await outbox.remove(done);
      return done.length;
    });
  }
}
