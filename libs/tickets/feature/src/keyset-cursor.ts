import { z } from 'zod';
import { TicketsError } from './tickets.error';

/** Where a page ended, for keyset pagination over (time, id) newest first: stable while rows arrive. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor({ at, id }: KeysetPosition): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [at, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at: new Date(at), id };
  } catch {
    throw new TicketsError('invalid-request', 'The cursor is not one this API gave out; start again without it.');
  }
}
