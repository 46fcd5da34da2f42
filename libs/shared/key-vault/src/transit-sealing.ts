import { carriesSealedFields, ClearEnvelope, ClearEventOn, ClearPayloadOf, EventOn, EventType, isTransitSealedType, mapSealedFields, SealedEnvelope, sealedValuesOf, TopicName, TransitSealed, TransitSealedType, TransitUnit, transitUnitOf } from '@sieve/contracts';
import { seal, unseal } from '@sieve/crypto';
import { TransitKeys } from './transit-keys';

/** An event's type and payload, with its brand: what is sealed or opened. */
export interface PayloadOfType<P> {
  tenantId: string;
  type: string;
  payload: P;
}

/** The event's key was destroyed (its content was redacted or its end user erased) or has expired. */
export const KEY_GONE = Symbol('transit-key-gone');

/**
 * Seals and opens the personal fields of events on clean topics (`TRANSIT_SEALED_FIELDS`) with
 * the transit key of the unit each event carries. Each value is bound to its key and field, so a
 * sealed value moved to another field or event does not open.
 */
export class TransitSealing {
  constructor(private readonly keys: TransitKeys) {}

  /**
   * The payloads as they travel; events of types without personal fields pass as they are. Keys
   * are made for the whole batch at once, but for those `known` (opened with just now). KEY_GONE
   * for a unit whose key was destroyed: its content was redacted since (a replay), and must not
   * travel again.
   */
  async seal(events: readonly PayloadOfType<unknown>[], known: ReadonlyMap<string, Buffer> = new Map()): Promise<(unknown | typeof KEY_GONE)[]> {
    const units = events.map(({ tenantId, type, payload }) => (isTransitSealedType(type) ? transitUnitOf(tenantId, payload as ClearPayloadOf<TransitSealedType>) : null));
    const wanted = units.filter((unit): unit is TransitUnit => unit !== null && !known.has(unit.keyId));
    const keys = new Map([...known, ...(wanted.length > 0 ? await this.keys.issue(wanted) : [])]);
    return events.map(({ type, payload }, index) => {
      if (!isTransitSealedType(type)) return payload;
      const { keyId } = units[index]!;
      const key = keys.get(keyId);
      if (!key) return KEY_GONE;
      return mapSealedFields(type, payload, (path, encoding, value): TransitSealed => ({
        keyId,
        sealed: seal(encoding === 'json' ? JSON.stringify(value) : (value as string), key, contextOf(keyId, path)).toString('base64url'),
      }));
    });
  }

  /** Whole events, built clear (`buildClearEvent`), with their personal fields sealed: for producers of new content, which can't have been redacted yet. */
  async sealEvents<T extends EventType>(events: readonly ClearEnvelope<T>[]): Promise<SealedEnvelope<T>[]> {
    const sealed = await this.seal(events);
    return events.map((event, index) => {
      if (sealed[index] === KEY_GONE) throw new Error(`the transit key of this ${event.type} was destroyed: its content was redacted, and is not sealed again`);
      return { ...event, payload: sealed[index] } as SealedEnvelope<T>;
    });
  }

  /**
   * Consumed events with their sealed fields opened (events of a version that travelled clear pass
   * as they are: the upcast of the old shape), or KEY_GONE for those whose key no longer exists.
   * One read of the vault per batch.
   */
  async open<T extends TopicName>(events: readonly EventOn<T>[]): Promise<(ClearEventOn<T> | typeof KEY_GONE)[]> {
    return (await this.openKeepingKeys(events)).opened;
  }

  /** `open`, with the keys it opened with: a consumer that seals what it makes of the events again passes them to `seal`. */
  async openKeepingKeys<T extends TopicName>(events: readonly EventOn<T>[]): Promise<{ opened: (ClearEventOn<T> | typeof KEY_GONE)[]; keys: Map<string, Buffer> }> {
    const keyIds = events.map(keyIdsOf);
    const keys = await this.keys.load(events.flatMap((event, index) => keyIds[index].map((keyId) => ({ tenantId: event.tenantId, keyId }))));
    const opened = events.map((event, index) => {
      if (!carriesSealedFields(event)) return event as ClearEventOn<T>;
      if (keyIds[index].some((keyId) => !keys.has(keyId))) return KEY_GONE;
      const payload = mapSealedFields(event.type, event.payload, (path, encoding, value) => {
        const { keyId, sealed } = value as TransitSealed;
        const text = unseal(Buffer.from(sealed, 'base64url'), keys.get(keyId)!, contextOf(keyId, path)).toString('utf8');
        return encoding === 'json' ? JSON.parse(text) : text;
      });
      return { ...event, payload } as ClearEventOn<T>;
    });
    return { opened, keys };
  }
}

/** The key ids an event's sealed fields name (one, in practice). */
function keyIdsOf(event: { type: string; version: number; payload: unknown }): string[] {
  if (!carriesSealedFields(event)) return [];
  return [...new Set(sealedValuesOf(event.type, event.payload).map((value) => (value as TransitSealed).keyId))];
}

const contextOf = (keyId: string, path: string) => `transit:${keyId}:${path}`;
