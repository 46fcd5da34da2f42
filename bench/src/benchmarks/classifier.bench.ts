import { buildClearEvent, deterministicUuid } from '@sieve/contracts';
import { classifySdkEvent } from '@sieve/pii-domain';
import { Benchmark, Figures } from '../harness';
import { classifierServiceFigures } from './classifier-service';
import { corpusTexts, detectionThroughput } from './pii-detection';

function opsPerSecond(work: (i: number) => void, durationMs: number): number {
  for (let i = 0; i < 10_000; i++) work(i); // warm-up
  let count = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + durationMs;
  while (Date.now() < deadline) {
    for (let i = 0; i < 1_000; i++) work(count++);
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * PII detection throughput on the support-chat corpus beside redact-pii's in the same run, and the
 * classifier's per-event cost beside the JSON round trip every consumer pays for the same event
 * anyway (parse the raw value, stringify the clean one).
 */
export const classifierBenchmark: Benchmark = {
  name: 'classifier',
  description: 'PII detection vs redact-pii; classifying an opened conversation vs a JSON round trip',
  async run(): Promise<Figures> {
    const raw = buildClearEvent(
      'sdk.conversation-opened',
      {
        appId: 'app-1',
        installId: 'idfv-1',
        conversationId: deterministicUuid('c'),
        clientEventId: 'e-1',
        fullPrivacy: false,
        countryCode: 'DE',
        message: { id: deterministicUuid('m'), body: 'My order 88231 has not arrived, I paid yesterday. Can you help?' },
        identity: { name: 'Ada', email: 'ada@example.com' },
        device: { platform: 'ios', model: 'iPhone15,2', advertisingId: 'AEBE52E7-03EE-455A-B3C4-E57283966239' },
        versions: { sdk: '10.3.0', app: '5.2.1' },
        customFields: { level: 42, tier: 'gold' },
      },
      { tenantId: 't', producer: 'bench', correlationId: 'c', causationId: null },
    );
    const serialized = JSON.stringify(raw);
    const baseline = opsPerSecond(() => JSON.stringify(JSON.parse(serialized)), 2_000);
    const classified = opsPerSecond(() => JSON.stringify(classifySdkEvent(JSON.parse(serialized)).output), 2_000);
    const texts = corpusTexts();
    const detection = detectionThroughput(texts);
    const service = await classifierServiceFigures(texts);
    return {
      classifier_service_events_per_s: { value: Math.round(service.eventsPerSecond), unit: 'events/s', better: 'higher' },
      [`classifier_service_added_latency_p50_at_${service.rate}_per_s`]: { value: service.p50Ms, unit: 'ms', better: 'lower' },
      [`classifier_service_added_latency_p99_at_${service.rate}_per_s`]: { value: service.p99Ms, unit: 'ms', better: 'lower' },
      pii_detection_sieve_batched: { value: Math.round(detection.sieve), unit: 'messages/s', better: 'higher' },
      pii_detection_sieve_one_at_a_time: { value: Math.round(detection.sievePerMessage), unit: 'messages/s', better: 'higher' },
      pii_detection_redact_pii_baseline: { value: Math.round(detection.redactPii), unit: 'messages/s', better: 'higher' },
      pii_detection_speedup_vs_redact_pii: { value: detection.sieve / detection.redactPii, unit: 'ratio', better: 'higher' },
      pii_detection_speedup_one_at_a_time: { value: detection.sievePerMessage / detection.redactPii, unit: 'ratio', better: 'higher' },
      json_round_trip_baseline: { value: Math.round(baseline), unit: 'events/s', better: 'higher' },
      classify_conversation_opened_with_detectors: { value: Math.round(classified), unit: 'events/s', better: 'higher' },
      classify_fraction_of_baseline: { value: classified / baseline, unit: 'ratio', better: 'higher' },
    };
  },
};
