// The honest reminder baseline: a BullMQ worker (concurrency 20, as the platform's dispatch processor)
// doing the dispatch's reads and writes directly on mysql2: the notification under a row lock, the
// session/workshop/seat check, the recipient with their choices, the inbox update and the in-app delivery
// row in one transaction, then the socket push through the Redis emitter.
import { randomUUID } from 'node:crypto';
import { Emitter } from '@socket.io/redis-emitter';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';

export function bareReminderWorker(db, { prefix, connection, onDone }) {
  const pub = new Redis(connection);
  const emitter = new Emitter(pub, { key: `${prefix}-socket.io` }).of('/realtime');
  const worker = new Worker(
    'notifications',
    async (job) => {
      const id = job.data.notificationId;
      const conn = await db.getConnection();
      let pushed;
      let userId;
      try {
        await conn.beginTransaction();
        const [[n]] = await conn.query('SELECT * FROM notifications WHERE id = ? LIMIT 1 FOR UPDATE', [id]);
        if (!n || n.state !== 'scheduled') return void (await conn.commit());
        const payload = JSON.parse(n.payload);
        const [[seat]] = await conn.query(
          `SELECT s.startsAt, w.status AS workshopStatus, r.status AS seat, sp.speakerId IS NOT NULL AS speaker, FIND_IN_SET('admin', u.roles) > 0 AS admin
             FROM workshop_sessions s JOIN workshops w ON w.id = s.workshopId JOIN users u ON u.id = ?
             LEFT JOIN workshop_registrations r ON r.workshopId = s.workshopId AND r.userId = u.id
             LEFT JOIN workshop_speakers sp ON sp.workshopId = s.workshopId AND sp.speakerId = u.id WHERE s.id = ?`,
          [n.userId, n.refId],
        );
        const now = new Date();
        if (!seat || seat.startsAt.getTime() !== new Date(payload.start).getTime() || seat.workshopStatus !== 'published' || seat.seat !== 'registered') {
          await conn.query("UPDATE notifications SET state = 'cancelled' WHERE id = ?", [id]);
          return void (await conn.commit());
        }
        const [[who]] = await conn.query(
          'SELECT u.id, u.name, u.email, u.phone, u.locale, u.timezone AS zone, p.email AS wantsEmail, p.whatsapp AS wantsWhatsapp, p.locale AS chosenLocale FROM users u LEFT JOIN notification_preferences p ON p.userId = u.id WHERE u.id = ?',
          [n.userId],
        );
        const when = DateTime.fromISO(payload.start, { zone: who.zone ?? 'Asia/Jakarta' }).setLocale(who.chosenLocale ?? who.locale ?? 'id').toFormat('cccc, d LLLL yyyy HH:mm');
        const title = `Pengingat: ${payload.title}`;
        const body = `${payload.title} dimulai ${when}.`;
        await conn.query("UPDATE notifications SET state = 'dispatched', title = ?, body = ?, dispatchedAt = ? WHERE id = ?", [title, body, now, id]);
        await conn.query("INSERT INTO notification_deliveries (id, notificationId, channel, status, notBefore, sentAt, attempts) VALUES (?, ?, 'in_app', 'sent', ?, ?, 1)", [randomUUID(), id, now, now]);
        await conn.commit();
        userId = n.userId;
        pushed = { id, type: n.type, title, body, ref: { kind: n.refKind, id: n.refId }, createdAt: now.toISOString() };
      } catch (error) {
        await conn.rollback();
        throw error;
      } finally {
        conn.release();
      }
      emitter.to(`user:${userId}`).emit('notification', pushed);
      onDone?.();
    },
    { connection, prefix, concurrency: 20 },
  );
  return { worker, close: async () => (await worker.close(), pub.disconnect()) };
}
