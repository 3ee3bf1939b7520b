import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { notFound, type Emit } from '@pendamping/platform';
import { Registration } from './entities/registration.entity';
import { WorkshopQuota } from './entities/workshop-quota.entity';
import { WorkshopSession } from './entities/workshop-session.entity';
import { Workshop } from './entities/workshop.entity';
import { quotasInEffect, SeatMap } from './seats';
import { workshopEvent, type WorkshopPromoted } from './workshop.events';

// Helpers for code that holds the workshop row lock (SELECT … FOR UPDATE): they read and change seats.

/** The workshop's seats as of `now`: its quotas only while they hold (see `quotasInEffect`). */
export async function seatMapFor(manager: EntityManager, workshop: Workshop, now: Date): Promise<SeatMap> {
  const [quotas, registered, first] = await Promise.all([
    manager.find(WorkshopQuota, { where: { workshopId: workshop.id } }),
    manager.find(Registration, { select: { kecamatanCode: true }, where: { workshopId: workshop.id, status: 'registered' } }),
    manager.findOne(WorkshopSession, { select: { startsAt: true }, where: { workshopId: workshop.id }, order: { startsAt: 'ASC' } }),
  ]);
  return SeatMap.of(workshop.capacity, quotasInEffect(first?.startsAt, now) ? quotas : [], registered.map((r) => r.kecamatanCode));
}

/**
 * Gives every free seat to the first people in line who may take it (with quotas, a seat held for one
 * kecamatan goes to the first waiting person from there). Runs after anything that frees seats, before a
 * newcomer is seated (so nobody passes the line), and when held seats open to everyone. Returns the seats
 * as they are afterwards.
 */
export async function fillSeats(manager: EntityManager, workshop: Workshop, emit: Emit, now: Date): Promise<SeatMap> {
  const seats = await seatMapFor(manager, workshop, now);
  if (seats.seatsLeft === 0) return seats;
  const line = await manager.find(Registration, { where: { workshopId: workshop.id, status: 'waitlisted' }, order: { waitlistSeq: 'ASC' } });
  for (const person of line) {
    if (seats.seatsLeft === 0) break;
    if (!seats.canSeat(person.kecamatanCode)) continue;
    seats.take(person.kecamatanCode);
    await manager.update(Registration, { id: person.id }, { status: 'registered', waitlistSeq: null });
    await emit(workshopEvent<WorkshopPromoted>({ type: 'workshop.promoted', workshopId: workshop.id, userId: person.userId }));
  }
  return seats;
}

/** A place-in-line value after everyone now waiting (the unique key keeps two people off one place). */
export async function nextWaitlistSeq(manager: EntityManager, workshopId: string): Promise<number> {
  const [row] = await manager.query('SELECT COALESCE(MAX(waitlistSeq), 0) + 1 AS seq FROM workshop_registrations WHERE workshopId = ?', [workshopId]);
  return Number(row.seq);
}

/** Current place in line: how many waiting people are ahead, plus one. */
export function waitlistPosition(manager: EntityManager, workshopId: string, seq: number): Promise<number> {
  return manager.count(Registration, { where: { workshopId, status: 'waitlisted', waitlistSeq: LessThanOrEqual(seq) } });
}

/** Everyone registered or waiting: the people to tell when the workshop changes or is cancelled. */
export async function activeRegistrantIds(manager: EntityManager, workshopId: string): Promise<string[]> {
  const rows = await manager.find(Registration, { select: { userId: true }, where: { workshopId, status: In(['registered', 'waitlisted']) } });
  return rows.map((r) => r.userId);
}

/** SELECT … FOR UPDATE on the workshop: every change to its seats and line runs one at a time. */
export async function lockWorkshop(manager: EntityManager, id: string): Promise<Workshop> {
  const workshop = await manager.findOne(Workshop, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!workshop) throw notFound('Workshop');
  return workshop;
}
