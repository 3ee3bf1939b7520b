import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { validationFailed } from '../errors/domain-error';

/** `?limit=&cursor=` as every list in the contract takes them. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The OpenAPI shape of a `Page` of `item`; subclass it to name the schema:
 * `export class WorkshopPage extends PageOf(WorkshopView) {}`.
 */
export function PageOf<T>(item: Class<T>) {
  abstract class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
  }
  return PageOfItems;
}

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; a tampered one is a 400, not a 500. */
export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === arity) return position;
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/** 400 for a cursor this list did not write. */
export const invalidCursor = () => validationFailed('cursor is not valid; use nextCursor from the previous page');

/** A cursor of [ISO time, id], as lists ordered by a time then an id write them; a bad one is a 400. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const [time, id] = decodeCursor(cursor, 2);
  const at = typeof time === 'string' ? new Date(time) : new Date(NaN);
  if (Number.isNaN(at.getTime()) || typeof id !== 'string') throw invalidCursor();
  return { at, id };
}

/** Given `limit + 1` rows, returns the page and the cursor to the next one. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, position: (row: R) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(map), nextCursor: more ? encodeCursor(position(items[items.length - 1])) : null };
}
