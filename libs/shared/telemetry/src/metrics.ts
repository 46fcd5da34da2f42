import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's metrics; every library registers its metrics here. */
export const metricsRegistry = new Registry();

let defaultsCollected = false;

export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
  defaultsCollected = true;
}
