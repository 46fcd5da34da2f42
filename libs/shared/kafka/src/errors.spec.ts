import { classifyFailure, PermanentEventError, TransientDependencyError } from './errors';
import { PublishFailedError } from './publisher';

describe('classifyFailure', () => {
  it('treats our own error classes as they say', () => {
    expect(classifyFailure(new PermanentEventError('bad', 'bad event'))).toBe('permanent');
    expect(classifyFailure(new TransientDependencyError('db down'))).toBe('transient');
  });

  it('treats network failures and kafkajs retriable errors as transient', () => {
    expect(classifyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('transient');
    expect(classifyFailure(Object.assign(new Error('leader not available'), { retriable: true }))).toBe('transient');
  });

  it('treats an unacknowledged publish, and errors caused by a transient one, as transient', () => {
    expect(classifyFailure(new PublishFailedError('support.conversation-events.v1', { cause: new Error('timeout') }))).toBe('transient');
    expect(classifyFailure(new Error('wrapped', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }))).toBe('transient');
  });

  it('asks app classifiers first, and calls everything else unknown', () => {
    expect(classifyFailure(new Error('deadlock'), [() => 'transient'])).toBe('transient');
    expect(classifyFailure(new TypeError('x is undefined'))).toBe('unknown');
    expect(classifyFailure('a string was thrown')).toBe('unknown');
  });
});
