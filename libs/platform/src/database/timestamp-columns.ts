import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Millisecond UTC timestamps. The default's precision must equal the column's, or MySQL 8 refuses it.
const NOW = () => 'CURRENT_TIMESTAMP(3)';

export const CreatedAt = () => CreateDateColumn({ type: 'datetime', precision: 3, default: NOW });
export const UpdatedAt = () => UpdateDateColumn({ type: 'datetime', precision: 3, default: NOW, onUpdate: 'CURRENT_TIMESTAMP(3)' });
