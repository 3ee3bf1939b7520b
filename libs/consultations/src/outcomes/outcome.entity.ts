import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, type Relation } from 'typeorm';
import { User } from '@pendamping/identity';
import { CreatedAt, IdRef, PrimaryId, UpdatedAt } from '@pendamping/platform';
import { Consultation } from '../booking/consultation.entity';

/** What the mentor wrote after a consultation, with the follow-up they promised. */
@Entity('consultation_outcomes')
@Index(['mentorId', 'followUpDoneAt', 'followUpOn'])
export class ConsultationOutcome {
  @IdRef({ primary: true })
  consultationId: string;

  @OneToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultationId' })
  consultation?: Relation<Consultation>;

  /** Copied from the consultation so the follow-up list is one index scan. */
  @IdRef()
  mentorId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'simple-json' })
  actions: string[];

  @Column({ type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  followUpDoneAt: Date | null;

  @IdRef({ nullable: true })
  caseId: string | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}

export const CASE_TYPES = ['permodalan', 'perizinan', 'sertifikasi_halal'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_STATUSES = ['open', 'submitted', 'approved', 'rejected', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A longer piece of help that outlives one consultation: a loan application, a permit, a halal certificate. */
@Entity('assistance_cases')
@Index(['entrepreneurId', 'createdAt'])
@Index(['mentorId', 'status'])
export class AssistanceCase {
  @PrimaryId()
  id: string;

  @Column({ type: 'enum', enum: CASE_TYPES })
  type: CaseType;

  @IdRef()
  entrepreneurId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entrepreneurId' })
  entrepreneur?: Relation<User>;

  @IdRef()
  mentorId: string;

  @IdRef()
  openedInConsultationId: string;

  @Column({ type: 'enum', enum: CASE_STATUSES, default: 'open' })
  status: CaseStatus;

  /** For `permodalan`: the lender (Bank DKI, the PKK cooperative, …). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  lender: string | null;

  /** For `perizinan`: NIB or PIRT. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  permit: string | null;

  /** The number the bank or agency gave the application. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  referenceNumber: string | null;

  /** When the lender or agency approved it (null unless approved): the funnel counts approvals by this. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
