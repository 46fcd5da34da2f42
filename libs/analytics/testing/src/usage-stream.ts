import { AdmissionPolicy, admitEventTime, localDateOf } from '@sieve/analytics-domain';

/** A brand of a generated stream, with the zone it bills in and its apps. */
export interface StreamBrand {
  tenantId: string;
  timeZone: string;
  appIds: string[];
}

/** A session event as the gateway would accept it: when it happened on the device, when it arrived. */
export interface GeneratedSessionEvent {
  tenantId: string;
  appId: string;
  installId: string;
  /** ISO 8601 with an offset, as an SDK writes it (not always Z). */
  eventTime: string;
  acceptedAt: string;
  kind: 'session-start' | 'session-end' | 'foreground' | 'background';
}

export interface StreamShape {
  seed: number;
  brands: StreamBrand[];
  installsPerBrand: number;
  /** Event times fall in [from, to). */
  from: Date;
  to: Date;
  eventsPerInstall: number;
  admission: AdmissionPolicy;
  /** Shares of events that arrive late (within the horizon), too late, from the future, and twice. */
  lateShare?: number;
  rejectedShare?: number;
  duplicateShare?: number;
}

const KINDS = ['session-start', 'session-end', 'foreground', 'background'] as const;
const OFFSETS = ['+00:00', '+01:00', '-05:00', '+05:30', '+09:00', '-03:30'];
const DAY_MS = 86_400_000;

/**
 * A reproducible stream of session events with everything exact counting must survive: installs
 * using several apps of a brand, late events, events too late or from the future, duplicates, event
 * times written with various offsets, and no order at all.
 */
export function generateUsageStream(shape: StreamShape): GeneratedSessionEvent[] {
  const random = mulberry32(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const span = shape.to.getTime() - shape.from.getTime();
  const events: GeneratedSessionEvent[] = [];
  for (const brand of shape.brands) {
    for (let install = 0; install < shape.installsPerBrand; install++) {
      const installId = `idfv-${shape.seed}-${brand.tenantId.slice(0, 8)}-${install}`;
      // Most installs use one app; some use two of the brand's (the same IDFV: one vendor).
      const apps = random() < 0.2 && brand.appIds.length > 1 ? brand.appIds.slice(0, 2) : [pick(brand.appIds)];
      for (let n = 0; n < shape.eventsPerInstall; n++) {
        const happened = shape.from.getTime() + Math.floor(random() * span);
        const roll = random();
        let accepted = happened + Math.floor(random() * 60_000);
        if (roll < (shape.rejectedShare ?? 0) / 2) accepted = happened + shape.admission.lateHorizonMs + DAY_MS;
        else if (roll < (shape.rejectedShare ?? 0)) accepted = happened - shape.admission.futureSkewMs - 3_600_000;
        else if (roll < (shape.rejectedShare ?? 0) + (shape.lateShare ?? 0)) accepted = happened + Math.floor(random() * (shape.admission.lateHorizonMs - 60_000));
        const event = { tenantId: brand.tenantId, appId: pick(apps), installId, eventTime: withOffset(happened, pick(OFFSETS)), acceptedAt: new Date(accepted).toISOString(), kind: pick(KINDS) };
        events.push(event);
        if (random() < (shape.duplicateShare ?? 0)) events.push({ ...event });
      }
    }
  }
  // Fisher–Yates: no order survives, not even per install.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j], events[i]];
  }
  return events;
}

/**
 * The exact answer, worked out naively from the raw stream: per brand ('*') and app, per local day
 * and month, the set of distinct install ids. Keys: `tenantId|appId or *|YYYY-MM(-DD)`.
 */
export function groundTruth(events: GeneratedSessionEvent[], brands: StreamBrand[], admission: AdmissionPolicy): Map<string, number> {
  const zones = new Map(brands.map((brand) => [brand.tenantId, brand.timeZone]));
  const sets = new Map<string, Set<string>>();
  const add = (key: string, installId: string) => {
    const set = sets.get(key) ?? new Set<string>();
    set.add(installId);
    sets.set(key, set);
  };
  for (const event of events) {
    if (admitEventTime(Date.parse(event.eventTime), Date.parse(event.acceptedAt), admission)) continue;
    const date = localDateOf(Date.parse(event.eventTime), zones.get(event.tenantId)!);
    for (const scope of [event.appId, '*']) {
      add(`${event.tenantId}|${scope}|${date}`, event.installId);
      add(`${event.tenantId}|${scope}|${date.slice(0, 7)}`, event.installId);
    }
  }
  return new Map([...sets].map(([key, set]) => [key, set.size]));
}

/** The instant written in local time at a fixed offset: '2026-11-01T05:30:00.000+05:30'. */
function withOffset(instant: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(instant + minutes * 60_000).toISOString().replace('Z', offset);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
