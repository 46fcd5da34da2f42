import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EventCatalog, EventType, parseEvent, TopicEvents } from './catalog';
import { TopicName, Topics } from './topics';

const fixturesDir = path.join(__dirname, 'fixtures');
const fixture = (name: string) => readFileSync(path.join(fixturesDir, name), 'utf8');
const topicOf = (type: EventType) =>
  (Object.entries(TopicEvents) as [TopicName, readonly string[]][]).find(([, types]) => types.includes(type))![0];

describe('event fixtures', () => {
  it('exist for the current version of every event type', () => {
    const files = readdirSync(fixturesDir);
    for (const [type, { version }] of Object.entries(EventCatalog)) expect(files).toContain(`${type}.v${version}.json`);
  });

  it.each(readdirSync(fixturesDir))('%s keeps parsing on its topic', (file) => {
    const type = file.replace(/\.v\d+\.json$/, '') as EventType;
    const result = parseEvent(topicOf(type), fixture(file));
    expect(result).toEqual({ ok: true, event: JSON.parse(fixture(file)) });
  });
});

describe('parseEvent', () => {
  const valid = JSON.parse(fixture('usage.session-event.v1.json'));
  const parse = (value: unknown, topic: TopicName = Topics.usage) => parseEvent(topic, typeof value === 'string' ? value : JSON.stringify(value));

  it('rejects a value that is not JSON', () => {
    expect(parse('{oops')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(parseEvent(Topics.usage, null)).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('rejects an envelope with a missing or extra field, naming it', () => {
    const { correlationId: _dropped, ...withoutCorrelation } = valid;
    expect(parse(withoutCorrelation)).toEqual({ ok: false, reason: 'invalid-envelope', detail: 'correlationId: invalid_type' });
    expect(parse({ ...valid, secret: 1 })).toMatchObject({ ok: false, reason: 'invalid-envelope', detail: '(root): unknown field(s) secret' });
  });

  it('rejects an event type that does not belong on the topic', () => {
    expect(parse(valid, Topics.support)).toMatchObject({ ok: false, reason: 'unexpected-type' });
  });

  it('rejects a version it does not know', () => {
    expect(parse({ ...valid, version: 2 })).toMatchObject({ ok: false, reason: 'unknown-version' });
  });

  it('rejects an invalid payload, naming the path but never the value', () => {
    const result = parse({ ...valid, payload: { ...valid.payload, installId: 'x'.repeat(500), kind: 'crash' } });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-payload' });
    if (result.ok) return;
    expect(result.detail).toContain('payload.installId: too_big');
    expect(result.detail).toContain('payload.kind: invalid_value');
    expect(result.detail).not.toContain('xxxxx');
  });
});
