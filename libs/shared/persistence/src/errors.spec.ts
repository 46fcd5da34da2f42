import { classifyDatabaseError } from './errors';

const pgError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe('classifyDatabaseError', () => {
  it.each(['08006', '57P01', '53300', '40001', '40P01'])('calls SQLSTATE %s transient', (code) => {
    expect(classifyDatabaseError(pgError(code))).toBe('transient');
  });

  it('looks through TypeORM query errors to the driver error', () => {
    expect(classifyDatabaseError({ message: 'query failed', driverError: pgError('57P03') })).toBe('transient');
  });

  it('recognises a dropped connection by its message', () => {
    expect(classifyDatabaseError(new Error('Connection terminated unexpectedly'))).toBe('transient');
  });

  it.each(['23505', '22P02', '42P01'])('leaves SQLSTATE %s (the data or the code is at fault) to the caller', (code) => {
    expect(classifyDatabaseError(pgError(code))).toBeUndefined();
  });
});
