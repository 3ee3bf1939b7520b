import { clientUrl, roomServiceUrl } from './livekit/livekit-url';
import { consultationRoomSize, emptyTimeoutSeconds, parseRoomName, roomName, STAFF_SEATS, workshopRoomSize } from './rooms';

const id = '01968f3e-7a2b-7c00-8000-0000000000aa';
const start = new Date('2026-12-07T03:00:00Z');
const end = new Date('2026-12-07T04:00:00Z');
const at = (iso: string) => new Date(iso);

describe('video rooms', () => {
  it('names rooms deterministically and reads the name back', () => {
    expect(roomName({ kind: 'workshop_session', id })).toBe(`workshop-session-${id}`);
    expect(roomName({ kind: 'consultation', id })).toBe(`consultation-${id}`);
    expect(parseRoomName(`workshop-session-${id}`)).toEqual({ kind: 'workshop_session', id });
    expect(parseRoomName(`consultation-${id}`)).toEqual({ kind: 'consultation', id });
    expect(parseRoomName('someone-elses-room')).toBeNull();
    expect(parseRoomName(undefined)).toBeNull();
  });

  it('sizes rooms: capacity + speakers + staff for workshops, two + staff for consultations', () => {
    expect(workshopRoomSize(40, 2)).toBe(42 + STAFF_SEATS);
    expect(consultationRoomSize()).toBe(2 + STAFF_SEATS);
  });

  it('keeps an empty room until five minutes after the end', () => {
    expect(emptyTimeoutSeconds({ start, end }, at('2026-12-07T02:45:00Z'))).toBe(75 * 60 + 300);
    expect(emptyTimeoutSeconds({ start, end }, at('2026-12-07T05:00:00Z'))).toBe(300);
  });

  it('derives the RoomService URL from LIVEKIT_URL and the client URL the other way', () => {
    expect(roomServiceUrl('ws://127.0.0.1:7880')).toBe('http://127.0.0.1:7880');
    expect(roomServiceUrl('wss://video.pendamping.id')).toBe('https://video.pendamping.id');
    expect(clientUrl('https://video.pendamping.id')).toBe('wss://video.pendamping.id');
    expect(clientUrl('ws://127.0.0.1:7880')).toBe('ws://127.0.0.1:7880');
  });
});
