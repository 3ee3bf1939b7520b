#!/usr/bin/env node
// The honest baseline for the HTTP reads: node:http + mysql2 (+ ioredis, jsonwebtoken, BullMQ where the api
// uses them) doing the same SQL, the same checks and the same JSON as the api's routes, with no framework.
//   node bench/baselines/http-bare.mjs <port>   (env: DATABASE_URL, REDIS_PREFIX, JWT_SECRET)
// GET /ceiling answers a fixed body without any work: the bare node:http ceiling.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { freeSlots, quotasHeldUntil, quotasInEffect, SeatMap } from './pure.mjs';

const port = Number(process.argv[2]);
const prefix = process.env.REDIS_PREFIX;
const secret = process.env.JWT_SECRET;
// As the api's pool: 20 connections, UTC.
const db = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z', dateStrings: ['DATE'], supportBigNumbers: true });
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null });
const queues = ['notifications', 'notification-deliveries'].map((name) => new Queue(name, { connection: redis, prefix }));
const DAY = 86_400_000;

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
const cursor = (position) => Buffer.from(JSON.stringify(position)).toString('base64url');

async function health() {
  const probe = async (run) => {
    const began = performance.now();
    await run();
    return { status: 'up', latencyMs: Math.round(performance.now() - began) };
  };
  const [m, r, counts] = await Promise.all([probe(() => db.query('SELECT 1')), probe(() => redis.ping()), Promise.all(queues.map((q) => q.getJobCounts('waiting', 'delayed', 'active', 'failed')))]);
  return { status: 'ok', checks: { mysql: m, redis: r }, queues: Object.fromEntries(queues.map((q, i) => [q.name, counts[i]])) };
}

/** Signature, expiry, then the token version (Redis first, MySQL on a miss), as the api's guard. */
async function caller(req) {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
  let payload;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch {
    return undefined;
  }
  const key = `${prefix}:token-version:${payload.sub}`;
  let version = await redis.get(key);
  if (version == null) {
    const [[row]] = await db.query('SELECT id, tokenVersion FROM users WHERE id = ? LIMIT 1', [payload.sub]);
    version = row ? String(row.tokenVersion) : 'none';
    await redis.set(key, version, 'EX', 60, 'NX');
  }
  return version !== 'none' && Number(version) === (payload.ver ?? 0) ? { id: payload.sub, roles: payload.roles } : undefined;
}

async function me(id) {
  const [rows] = await db.query(
    `SELECT u.*, b.businessName, b.businessType, b.kelurahanCode AS businessKelurahan, m.userId AS mentorId, m.topics, k.kelurahanCode
       FROM users u LEFT JOIN entrepreneur_profiles b ON b.userId = u.id LEFT JOIN mentor_profiles m ON m.userId = u.id
       LEFT JOIN mentor_kelurahan k ON k.mentorId = u.id WHERE u.id = ?`,
    [id],
  );
  const u = rows[0];
  if (!u) return undefined;
  const list = (set) => (set ? String(set).split(',') : []);
  return {
    id: u.id, email: u.email, name: u.name, roles: list(u.roles), locale: u.locale, timezone: u.timezone, phone: u.phone, organization: u.organization, disabled: u.disabledAt !== null,
    ...(u.businessName !== null && { business: { name: u.businessName, type: u.businessType, kelurahanCode: u.businessKelurahan } }),
    ...(u.mentorId !== null && { mentor: { kelurahanCodes: rows.map((r) => r.kelurahanCode).filter(Boolean).sort(), topics: list(u.topics) } }),
  };
}

async function workshops(limit) {
  const [rows] = await db.query(
    `SELECT s.workshopId AS id, MIN(s.startsAt) AS first FROM workshop_sessions s JOIN workshops w ON w.id = s.workshopId
      WHERE w.status IN ('published', 'completed') AND s.startsAt >= ? GROUP BY s.workshopId ORDER BY first, s.workshopId LIMIT ?`,
    [new Date(), limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const ids = page.map((r) => r.id);
  if (!ids.length) return { items: [], nextCursor: null };
  const [[ws], [sessions], [speakers], [quotas], [counts]] = await Promise.all([
    db.query('SELECT * FROM workshops WHERE id IN (?)', [ids]),
    db.query('SELECT * FROM workshop_sessions WHERE workshopId IN (?) ORDER BY startsAt', [ids]),
    db.query('SELECT ws.workshopId, u.id, u.name, u.organization FROM workshop_speakers ws JOIN users u ON u.id = ws.speakerId WHERE ws.workshopId IN (?) ORDER BY u.name', [ids]),
    db.query('SELECT * FROM workshop_quotas WHERE workshopId IN (?) ORDER BY kecamatanCode', [ids]),
    db.query("SELECT workshopId, status, kecamatanCode, COUNT(*) AS n FROM workshop_registrations WHERE workshopId IN (?) AND status <> 'cancelled' GROUP BY workshopId, status, kecamatanCode", [ids]),
  ]);
  const now = new Date();
  const byId = new Map(ws.map((w) => [w.id, w]));
  const items = ids.map((id) => {
    const w = byId.get(id);
    const own = (list) => list.filter((r) => r.workshopId === id);
    const [ss, sp, qs, cs] = [own(sessions), own(speakers), own(quotas), own(counts)];
    const registered = cs.filter((c) => c.status === 'registered').flatMap((c) => Array(Number(c.n)).fill(c.kecamatanCode));
    const holding = quotasInEffect(ss[0]?.startsAt, now);
    const seats = SeatMap.of(w.capacity, holding ? qs : [], registered);
    const last = ss.reduce((max, s) => Math.max(max, s.endsAt.getTime()), 0);
    const people = sp.map(({ id, name, organization }) => ({ id, name, organization }));
    return {
      id: w.id, title: w.title, description: w.description, topic: w.topic, capacity: w.capacity,
      status: w.status === 'published' && last > 0 && last <= now.getTime() ? 'completed' : w.status,
      cancelReason: w.cancelReason, speakerIds: people.map((p) => p.id), speakers: people,
      sessions: ss.map((s) => ({ id: s.id, start: s.startsAt, end: s.endsAt })),
      recurrence: w.rrule && w.durationMinutes ? { rrule: w.rrule, durationMinutes: w.durationMinutes } : null,
      kecamatanQuotas: qs.map((q) => ({ kecamatanCode: q.kecamatanCode, seats: q.seats, seatsLeft: holding ? seats.heldLeft(q.kecamatanCode) : 0 })),
      quotasHeldUntil: qs.length ? quotasHeldUntil(ss[0]?.startsAt) : null,
      seatsLeft: seats.seatsLeft, registeredCount: seats.registered,
      waitlistCount: cs.filter((c) => c.status === 'waitlisted').reduce((n, c) => n + Number(c.n), 0),
      publishedAt: w.publishedAt, createdAt: w.createdAt, updatedAt: w.updatedAt,
    };
  });
  const lastRow = page[page.length - 1];
  return { items, nextCursor: more ? cursor([new Date(lastRow.first).toISOString(), lastRow.id]) : null };
}

async function regions(level, limit) {
  const [rows] = await db.query('SELECT code, name, level, parentCode, createdAt FROM regions WHERE level = ? ORDER BY code LIMIT ?', [level, limit + 1]);
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  return { items, nextCursor: more ? cursor([items[items.length - 1].code]) : null };
}

async function slots(mentorId, from, to) {
  const [[mentor]] = await db.query('SELECT * FROM users WHERE id = ? LIMIT 1', [mentorId]);
  if (!mentor || !String(mentor.roles).split(',').includes('mentor') || mentor.disabledAt) return undefined;
  const [[availability]] = await db.query('SELECT * FROM mentor_availability WHERE mentorId = ? LIMIT 1', [mentorId]);
  if (!availability) return { items: [] };
  const [overrides] = await db.query('SELECT * FROM availability_overrides WHERE mentorId = ?', [mentorId]);
  const rules = { ...availability, weekly: JSON.parse(availability.weekly), overrides: new Map(overrides.map((o) => [o.date, JSON.parse(o.ranges)])) };
  const [booked] = await db.query("SELECT start, end FROM consultations WHERE mentorId = ? AND status = 'booked' AND start < ? AND end > ?", [
    mentorId, new Date(to.getTime() + DAY), new Date(from.getTime() - DAY),
  ]);
  return { items: freeSlots(rules, from, to, new Date(), booked) };
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    if (path === '/ceiling') return send(res, 200, { status: 'ok' });
    if (path === '/api/health') return send(res, 200, await health());
    const who = await caller(req);
    if (path === '/api/me') return who ? send(res, 200, await me(who.id)) : send(res, 401, { code: 'UNAUTHORIZED' });
    if (path === '/api/workshops') return send(res, 200, await workshops(Number(url.searchParams.get('limit') ?? 20)));
    if (path === '/api/regions') return send(res, 200, await regions(url.searchParams.get('level'), Number(url.searchParams.get('limit') ?? 20)));
    const slot = /^\/api\/mentors\/([0-9a-f-]{36})\/slots$/.exec(path);
    if (slot) {
      if (!who) return send(res, 401, { code: 'UNAUTHORIZED' });
      const list = await slots(slot[1], new Date(url.searchParams.get('from')), new Date(url.searchParams.get('to')));
      return list ? send(res, 200, list) : send(res, 404, { code: 'NOT_FOUND' });
    }
    send(res, 404, { code: 'NOT_FOUND' });
  } catch (error) {
    send(res, 500, { code: 'INTERNAL', message: String(error) });
  }
}).listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
