// The honest booking baseline: the api's booking transaction written directly on mysql2 (and BullMQ for the
// after-commit relay): mentor check with its availability rules (one query) and the offered slot, then in one transaction the
// calendar locks, the retry check, the limits and the free check (one query), the consultation and its outbox rows.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { offeredSlots } from './pure.mjs';

export class Conflict extends Error {}

/**
 * `outbox(consultation)` answers the notification rows the platform writes for one booking (copied from
 * one it wrote in the same run). Resolves to the consultation, or throws Conflict as the api answers 409.
 */
export async function bookBare(db, queue, outbox, { entrepreneurId, mentorId, start, topic }) {
  // The mentor's account and rules in one round trip, as the api's ConsultationRepository.mentorRules.
  const [[mentor]] = await db.query(
    `SELECT u.id, u.roles, u.disabledAt, a.timezone, a.slotMinutes, a.bufferMinutes, a.minNoticeMinutes, a.horizonDays, a.dailyCap, a.weekly,
            (SELECT JSON_ARRAYAGG(JSON_OBJECT('date', o.date, 'ranges', o.ranges)) FROM availability_overrides o WHERE o.mentorId = u.id) AS overrides
       FROM users u LEFT JOIN mentor_availability a ON a.mentorId = u.id WHERE u.id = ?`,
    [mentorId],
  );
  if (!mentor || !String(mentor.roles).split(',').includes('mentor') || mentor.disabledAt) throw new Error('no mentor');
  const json = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
  const rules = { ...mentor, weekly: json(mentor.weekly), overrides: new Map(json(mentor.overrides ?? []).map((o) => [o.date, json(o.ranges)])) };
  const now = new Date();
  const slot = offeredSlots(rules, start, new Date(start.getTime() + 1), now).find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new Error('not a slot');
  const connection = await db.getConnection();
  let rows;
  try {
    await connection.beginTransaction();
    const ids = [mentorId, entrepreneurId].sort();
    await connection.query('SELECT id FROM users WHERE id IN (?, ?) ORDER BY id FOR UPDATE', ids);
    const buffer = rules.bufferMinutes * 60_000;
    const day = DateTime.fromJSDate(slot.start, { zone: rules.timezone }).startOf('day');
    // The retry check, the limits and the free check in one query, as ConsultationRepository.calendar.
    const [calendar] = await connection.query(
      `SELECT id, mentorId, entrepreneurId, start, end, topic, note, NULL AS total, NULL AS withMentor FROM consultations WHERE status = 'booked' AND id <> ? AND (
        (mentorId = ? AND start < ? AND end > ?) OR (? IN (mentorId, entrepreneurId) AND start < ? AND end > ?))
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*), SUM(mentorId = ?) FROM consultations WHERE entrepreneurId = ? AND status = 'booked' AND end > ?`,
      ['', mentorId, new Date(Math.max(slot.end.getTime() + buffer, day.plus({ days: 1 }).toMillis())), new Date(Math.min(slot.start.getTime() - buffer, day.toMillis())), entrepreneurId, slot.end, slot.start, mentorId, entrepreneurId, now],
    );
    const limits = calendar.find((r) => r.id === null);
    const busy = calendar.filter((r) => r.id !== null);
    // A retry of a stored booking (the api answers it with that booking; the bench never sends one).
    if (busy.some((c) => c.mentorId === mentorId && c.entrepreneurId === entrepreneurId && c.start.getTime() === slot.start.getTime() && c.topic === topic)) throw new Conflict('retry');
    if (Number(limits.withMentor ?? 0) >= 2 || Number(limits.total) >= 5) throw new Conflict('limit');
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
