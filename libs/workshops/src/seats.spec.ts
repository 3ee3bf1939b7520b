import { heldSeatsDue, SeatMap } from './seats';

describe('SeatMap', () => {
  it('seats anyone up to the capacity when there are no quotas', () => {
    const seats = SeatMap.of(2, [], ['31.71.09', null]);
    expect(seats.seatsLeft).toBe(0);
    expect(seats.canSeat('31.71.09')).toBe(false);
  });

  it('holds quota seats for their kecamatan and lets others use only the open ones', () => {
    const seats = SeatMap.of(3, [{ kecamatanCode: '31.71.09', seats: 2 }], []);
    expect(seats.canSeat('31.71.01')).toBe(true);
    seats.take('31.71.01');
    expect(seats.canSeat('31.71.01')).toBe(false);
    expect(seats.canSeat(null)).toBe(false);
    expect(seats.canSeat('31.71.09')).toBe(true);
    seats.take('31.71.09');
    seats.take('31.71.09');
    expect(seats.seatsLeft).toBe(0);
    expect(seats.canSeat('31.71.09')).toBe(false);
  });

  it('lets a quota kecamatan spill into open seats once its held seats are gone', () => {
    const seats = SeatMap.of(3, [{ kecamatanCode: '31.71.09', seats: 1 }], ['31.71.09']);
    expect(seats.heldLeft('31.71.09')).toBe(0);
    expect(seats.canSeat('31.71.09')).toBe(true);
    seats.take('31.71.09');
    seats.take('31.71.09');
    expect(seats.canSeat('31.71.09')).toBe(false);
  });
});

describe('heldSeatsDue', () => {
  const first = new Date('2026-12-07T02:00:00Z');
  const last = new Date('2026-12-14T04:00:00Z');
  it('is due from a day before the first session until the last one ends', () => {
    expect(heldSeatsDue(first, last, new Date('2026-12-06T01:59:59Z'))).toBe(false);
    expect(heldSeatsDue(first, last, new Date('2026-12-06T02:00:00Z'))).toBe(true);
    expect(heldSeatsDue(first, last, new Date('2026-12-14T03:59:59Z'))).toBe(true);
    expect(heldSeatsDue(first, last, last)).toBe(false);
    expect(heldSeatsDue(undefined, undefined, first)).toBe(false);
  });
});
