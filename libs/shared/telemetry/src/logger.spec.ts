import { Writable } from 'node:stream';
import { createLogger, withLogContext } from './logger';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger({ service: 'test-service', level: 'info', destination }), lines };
}

describe('the service logger', () => {
  it('writes structured lines with the service name and ISO time', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ conversationId: 'c-1' }, 'conversation stored');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', service: 'test-service', conversationId: 'c-1', msg: 'conversation stored', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
    ]);
  });

  it('censors personal data and secrets that slip into a log call', () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      {
        event: { identity: { name: 'Ada Lovelace', email: 'ada@example.com' }, message: { body: 'my card is 4111 1111 1111 1111' } },
        request: { ip: '203.0.113.7', apiKey: 'sieve_ak_secret' },
        device: { advertisingId: 'AEBE52E7' },
        req: { headers: { authorization: 'Bearer sieve_st_secret', 'x-api-key': 'k', 'x-forwarded-for': '198.51.100.1' } },
      },
      'incoming',
    );
    const line = JSON.stringify(lines[0]);
    for (const leaked of ['Ada Lovelace', 'ada@example.com', '4111', '203.0.113.7', 'sieve_ak_secret', 'AEBE52E7', 'sieve_st_secret', '198.51.100.1']) {
      expect(line).not.toContain(leaked);
    }
    expect(line).toContain('[redacted]');
  });

  it('censors them at any depth, as in a whole event envelope, and at the top level', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ event: { payload: { identity: { name: 'Grace' }, message: { body: 'call me on 555-0100' }, device: { advertisingId: 'ADID-1' } } } }, 'event');
    logger.info({ email: 'top@example.com', headers: { 'X-Sieve-Api-Key': 'sieve_ak_top' } }, 'top level');
    const text = JSON.stringify(lines);
    for (const leaked of ['Grace', '555-0100', 'ADID-1', 'top@example.com', 'sieve_ak_top']) expect(text).not.toContain(leaked);
  });

  it("keeps an error's class, code and stack frames, not what its message might quote", () => {
    const { logger, lines } = capturingLogger();
    const error = Object.assign(new Error('invalid input syntax for type uuid: "ada@example.com"'), { code: '22P02' });
    logger.error({ err: error, checks: [{ name: 'kafka', ok: false }] }, 'query failed');
    expect(lines[0].err).toEqual({ type: 'Error', code: '22P02', stack: expect.stringContaining('logger.spec.ts') });
    expect(lines[0].checks).toEqual([{ name: 'kafka', ok: false }]);
    expect(JSON.stringify(lines[0])).not.toContain('ada@example.com');
  });

  it('adds the correlation id of the surrounding work to every line', () => {
    const { logger, lines } = capturingLogger();
    withLogContext({ correlationId: 'corr-42' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0].correlationId).toBe('corr-42');
    expect(lines[1]).not.toHaveProperty('correlationId');
  });
});
