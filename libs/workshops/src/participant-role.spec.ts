import { isJoinOpen, isStaffRole, participantRole } from './participant-role';

describe('participantRole', () => {
  it('puts the workshop role before the platform role: a speaker who is an admin or holds a seat is a speaker', () => {
    expect(participantRole({ speaker: true, admin: true, seat: null })).toBe('speaker');
    expect(participantRole({ speaker: true, admin: false, seat: 'registered' })).toBe('speaker');
    expect(participantRole({ speaker: true, admin: true, seat: 'waitlisted' })).toBe('speaker');
  });

  it('makes an admin who does not speak the host, a seated registrant an attendee, and nobody else anything', () => {
    expect(participantRole({ speaker: false, admin: true, seat: null })).toBe('host');
    expect(participantRole({ speaker: false, admin: false, seat: 'registered' })).toBe('attendee');
    expect(participantRole({ speaker: false, admin: false, seat: 'waitlisted' })).toBeNull();
    expect(participantRole({ speaker: false, admin: false, seat: 'cancelled' })).toBeNull();
    expect(participantRole({ speaker: false, admin: false, seat: null })).toBeNull();
  });

  it('gives speakers and hosts the staff powers, attendees none', () => {
    expect([isStaffRole('speaker'), isStaffRole('host'), isStaffRole('attendee'), isStaffRole(null)]).toEqual([true, true, false, false]);
  });

  it('opens the rooms 15 minutes before the start and closes them at the end, both inclusive', () => {
    const [start, end] = [new Date('2026-12-07T03:00:00Z'), new Date('2026-12-07T04:00:00Z')];
    expect(isJoinOpen({ start, end }, new Date('2026-12-07T02:44:59.999Z'))).toBe(false);
    expect(isJoinOpen({ start, end }, new Date('2026-12-07T02:45:00Z'))).toBe(true);
    expect(isJoinOpen({ start, end }, end)).toBe(true);
    expect(isJoinOpen({ start, end }, new Date('2026-12-07T04:00:00.001Z'))).toBe(false);
  });
});
