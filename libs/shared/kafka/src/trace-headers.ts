import { context, Context, propagation, TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import { IHeaders } from 'kafkajs';

const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<IHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/** W3C trace context (traceparent, tracestate) of `from` as Kafka headers. */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier, setter);
  return carrier;
}

export function contextFromHeaders(headers: IHeaders | undefined): Context {
  return propagation.extract(context.active(), headers ?? {}, getter);
}
