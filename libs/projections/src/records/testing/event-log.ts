import { StoredEvent } from '@sunshine/event-store';
import { MemoryProjectionStore } from '../../memory/memory-projection-store';
import { recordsProjection } from '../records.projection';

/**
 * A log for specs: `log.append(stream, type, data, occurredOn)` stores an event with the next
 * global position and the stream's next revision, as an event store would.
 */
export class EventLog {
  readonly events: StoredEvent[] = [];
  private readonly revisions = new Map<string, number>();

  append(stream: string, type: string, data: object, occurredOn = '2020-01-01', recordedAt?: string): StoredEvent {
    const revision = (this.revisions.get(stream) ?? -1) + 1;
    this.revisions.set(stream, revision);
    const position = String(this.events.length + 1);
    const event: StoredEvent = {
      eventId: `e${position}-${type}`,
      type,
      stream,
      revision,
      position,
      data,
      metadata: {
        commandId: `cmd-${position}`,
        actor: { userId: 'clerk-1', role: 'clerk' },
        recordedAt: recordedAt ?? new Date(Date.UTC(2024, 0, 1) + this.events.length * 1000).toISOString(),
        occurredOn,
        correlationId: `cmd-${position}`,
        causationId: `cmd-${position}`,
        schemaVersion: 1,
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      },
    };
    this.events.push(event);
    return event;
  }
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

/**
 * Runs events through the records projection as the runner does, into a memory store. The
 * documents handed to `evolve` are frozen, so a projection that mutates one fails the spec.
 */
export const project = (events: readonly StoredEvent[], store = new MemoryProjectionStore()): MemoryProjectionStore => {
  for (const event of events)
    for (const key of recordsProjection.keysOf(event)) {
      const doc = recordsProjection.evolve(deepFreeze(store.getSync(key.key)), event, key);
      store.apply([{ key: key.key, category: key.category, doc }]);
    }
  return store;
};
