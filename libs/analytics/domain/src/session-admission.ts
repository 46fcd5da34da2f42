/** Why a session event is not counted. */
export type RejectionReason =
  /** Its event time is further in the past than the late-event horizon. */
  | 'too-late'
  /** Its event time is ahead of when Sieve received it by more than the allowed clock skew. */
  | 'in-future'
  /** Its billing month is sealed: the month's hashing key is destroyed, nothing more can be counted in it. */
  | 'period-sealed';

export interface AdmissionPolicy {
  /** How far in the past an event time may lie, measured from when the gateway accepted it. */
  lateHorizonMs: number;
  /** How far ahead of its acceptance an event time may lie (device clocks drift). */
  futureSkewMs: number;
}

/**
 * Whether an event time can be counted. Measured against when the gateway accepted the event, not
 * against when it is counted, so the decision is the same on every redelivery and replay.
 */
export function admitEventTime(eventTime: number, acceptedAt: number, policy: AdmissionPolicy): RejectionReason | null {
  if (acceptedAt - eventTime > policy.lateHorizonMs) return 'too-late';
  if (eventTime - acceptedAt > policy.futureSkewMs) return 'in-future';
  return null;
}
