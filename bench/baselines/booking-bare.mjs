// The honest booking baseline: the api's booking transaction written directly on mysql2 (and BullMQ for the
// after-commit relay): mentor check, availability rules and the offered slot, then in one transaction the
// calendar locks, the retry check, the limits, the free check, the consultation and its outbox rows.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { offeredSlots } from './pure.mjs';

export class Conflict extends Error {}

/**
 * `outbox(consultation)` answers the notification rows the platform writes for one booking (copied from
 * one it wrote in the same run). Resolves to the consultation, or throws Conflict as the api answers 409.
 */
export async function bookBare(db, queue, outbox, { entrepreneurId, mentorId, start, topic }) {
  const [[mentor]] = await db.query('SELECT * FROM users WHERE id = ? LIMIT 1', [mentorId]);
  if (!mentor || !String(mentor.roles).split(',').includes('mentor') || mentor.disabledAt) throw new Error('no mentor');
  const [[availability]] = await db.query('SELECT * FROM mentor_availability WHERE mentorId = ? LIMIT 1', [mentorId]);
  const [overrides] = await db.query('SELECT * FROM availability_overrides WHERE mentorId = ?', [mentorId]);
  const rules = { ...availability, weekly: JSON.parse(availability.weekly), overrides: new Map(overrides.map((o) => [o.date, JSON.parse(o.ranges)])) };
  const now = new Date();
  const slot = offeredSlots(rules, start, new Date(start.getTime() + 1), now).find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new Error('not a slot');
  const connection = await db.getConnection();
  let rows;
  try {
    await connection.beginTransaction();
    const ids = [mentorId, entrepreneurId].sort();
    await connection.query('SELECT id FROM users WHERE id IN (?, ?) ORDER BY id FOR UPDATE', ids);
    await connection.query("SELECT * FROM consultations WHERE mentorId = ? AND entrepreneurId = ? AND start = ? AND status = 'booked' LIMIT 1", [mentorId, entrepreneurId, slot.start]);
    const [[limits]] = await connection.query("SELECT COUNT(*) AS total, SUM(mentorId = ?) AS withMentor FROM consultations WHERE entrepreneurId = ? AND status = 'booked' AND end > ?", [mentorId, entrepreneurId, now]);
    if (Number(limits.withMentor ?? 0) >= 2 || Number(limits.total) >= 5) throw new Conflict('limit');
    const buffer = rules.bufferMinutes * 60_000;
    const day = DateTime.fromJSDate(slot.start, { zone: rules.timezone }).startOf('day');
    const [busy] = await connection.query(
      `SELECT id, mentorId, entrepreneurId, start, end FROM consultations WHERE status = 'booked' AND id <> ? AND (
        (mentorId = ? AND start < ? AND end > ?) OR (? IN (mentorId, entrepreneurId) AND start < ? AND end > ?))`,
      ['', mentorId, new Date(Math.max(slot.end.getTime() + buffer, day.plus({ days: 1 }).toMillis())), new Date(Math.min(slot.start.getTime() - buffer, day.toMillis())), entrepreneurId, slot.end, slot.start],
    );
    if (busy.some((c) => c.start.getTime() < slot.end.getTime() + buffer && c.end.getTime() + buffer > slot.start.getTime())) throw new Conflict('taken');
    const id = randomUUID();
    await connection.query("INSERT INTO consultations (id, mentorId, entrepreneurId, start, end, topic, note, status) VALUES (?, ?, ?, ?, ?, ?, NULL, 'booked')", [id, mentorId, entrepreneurId, slot.start, slot.end, topic]);
    rows = outbox({ id, mentorId, entrepreneurId, start: slot.start });
    await connection.query('INSERT INTO notifications (id, userId, type, refKind, refId, subjectId, payload, dueAt, state) VALUES ?', [rows]);
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
  await queue.addBulk(rows.map((r) => ({ name: 'dispatch', data: { notificationId: r[0] }, opts: { jobId: `n-${r[0]}`, delay: Math.max(0, r[7].getTime() - Date.now()), removeOnComplete: true } })));
}
