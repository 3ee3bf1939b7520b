import { Column, PrimaryColumn } from 'typeorm';
import { v7 } from 'uuid';

/** Ids are UUIDv7: opaque to clients, time-ordered so InnoDB appends instead of splitting pages. */
export const newId = (): string => v7();

/** The same column type on MySQL and MariaDB (TypeORM's 'uuid' maps to MariaDB's native UUID type). */
export const PrimaryId = () => PrimaryColumn({ type: 'char', length: 36 });
export const IdRef = (options: { nullable?: boolean; primary?: boolean } = {}) =>
  options.primary ? PrimaryColumn({ type: 'char', length: 36 }) : Column({ type: 'char', length: 36, nullable: options.nullable ?? false });
