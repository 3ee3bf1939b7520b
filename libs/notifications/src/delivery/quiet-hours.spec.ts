import { notBefore, type Held } from './quiet-hours';

const reader = 'reader-1';
const other = 'mentor-1';
const held = (type: string, payload: Held['payload'] = {}): Held => ({ type, userId: reader, payload });

// Jakarta is UTC+7: 21:00 WIB is 14:00Z, 06:00 WIB is 23:00Z the day before.
describe('quiet hours', () => {
  const at22 = new Date('2026-12-07T15:00:00Z'); // 22:00 WIB
  const morning = new Date('2026-12-07T23:00:00Z'); // 06:00 WIB

  it('lets messages out during the day', () => {
    const now = new Date('2026-12-07T03:00:00Z'); // 10:00 WIB
    expect(notBefore(now, 'Asia/Jakarta', held('workshop.promoted'))).toEqual(now);
  });

  it('holds what may wait from 21:00 to 06:00 local', () => {
    const promoted = held('workshop.promoted');
    expect(notBefore(new Date('2026-12-07T14:00:00Z'), 'Asia/Jakarta', promoted)).toEqual(morning); // 21:00 → 06:00
    expect(notBefore(new Date('2026-12-07T20:00:00Z'), 'Asia/Jakarta', promoted)).toEqual(morning); // 03:00 → 06:00
    expect(notBefore(morning, 'Asia/Jakarta', promoted)).toEqual(morning); // 06:00 is fine
  });

  it('reads the hours on the reader clock (21:30 WIT is still 19:30 WIB)', () => {
    const now = new Date('2026-12-07T12:30:00Z');
    expect(notBefore(now, 'Asia/Jakarta', held('workshop.changed'))).toEqual(now);
    expect(notBefore(now, 'Asia/Jayapura', held('workshop.changed'))).toEqual(new Date('2026-12-07T21:00:00Z'));
  });

  it('sends the confirmation of what the reader just did at once, at 22:00 and at 03:00', () => {
    for (const type of ['consultation.booked', 'consultation.rescheduled', 'consultation.cancelled', 'workshop.registered', 'workshop.waitlisted']) {
      expect(notBefore(at22, 'Asia/Jakarta', held(type, { actorId: reader }))).toEqual(at22);
      expect(notBefore(new Date('2026-12-07T20:00:00Z'), 'Asia/Jakarta', held(type, { actorId: reader }))).toEqual(new Date('2026-12-07T20:00:00Z'));
    }
  });

  it('holds the copy for someone who did not make the change (the mentor hearing of a booking), or when nobody is named', () => {
    expect(notBefore(at22, 'Asia/Jakarta', held('consultation.booked', { actorId: other }))).toEqual(morning);
    expect(notBefore(at22, 'Asia/Jakarta', held('consultation.cancelled', { actorId: other }))).toEqual(morning);
    expect(notBefore(at22, 'Asia/Jakarta', held('consultation.booked'))).toEqual(morning);
  });

  it('holds promotions, admin changes, certificates, follow-ups and unknown types even with an actor', () => {
    for (const type of ['workshop.promoted', 'workshop.changed', 'workshop.cancelled', 'certificate.ready', 'followup.due', 'something.new']) {
      expect(notBefore(at22, 'Asia/Jakarta', held(type, { actorId: reader }))).toEqual(morning);
    }
  });

  it('holds a reminder at 22:00, except one for something starting within the hour', () => {
    const reminder = (start: string) => held('consultation.reminder', { start });
    expect(notBefore(at22, 'Asia/Jakarta', reminder('2026-12-07T15:10:00Z'))).toEqual(at22);
    expect(notBefore(at22, 'Asia/Jakarta', reminder('2026-12-07T16:00:00Z'))).toEqual(at22);
    expect(notBefore(at22, 'Asia/Jakarta', reminder('2026-12-08T03:00:00Z'))).toEqual(morning);
    expect(notBefore(at22, 'Asia/Jakarta', held('workshop.session.reminder', { start: '2026-12-08T03:00:00Z' }))).toEqual(morning);
    expect(notBefore(at22, 'Asia/Jakarta', held('workshop.session.reminder'))).toEqual(morning);
  });
});
