import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAt } from '@pendamping/platform';

export const REGION_LEVELS = ['kota', 'kecamatan', 'kelurahan'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Kemendagri code shape for each level: kota 31.71, kecamatan 31.71.01, kelurahan 31.71.01.1001. */
export const REGION_CODE_PATTERN: Record<RegionLevel, RegExp> = {
  kota: /^\d{2}\.\d{2}$/,
  kecamatan: /^\d{2}\.\d{2}\.\d{2}$/,
  kelurahan: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
};

export const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = { kota: null, kecamatan: 'kota', kelurahan: 'kecamatan' };

@Entity('regions')
@Index(['level', 'parentCode', 'code'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: REGION_LEVELS })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 16, nullable: true })
  parentCode: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentCode' })
  parent?: Region;

  @CreatedAt()
  createdAt: Date;
}
export const regionEntities = [Region];
