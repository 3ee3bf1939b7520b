import { decodeCursor, validationFailed } from '@pendamping/platform';

/** A cursor of [ISO time, id], as lists ordered by a time then an id write them; a bad one is a 400. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [time, id] = decodeCursor(cursor, 2);
  const at = new Date(String(time));
  if (Number.isNaN(at.getTime()) || typeof id !== 'string') throw validationFailed('cursor is not valid; use nextCursor from the previous page');
  return { at, id };
}
