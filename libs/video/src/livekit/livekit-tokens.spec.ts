import { TokenVerifier } from 'livekit-server-sdk';
import { loadConfig } from '@pendamping/platform';
import { permissionsFor, type JoinOptions, type VideoRole } from '../grants';
import { JOIN_TOKEN_TTL_SECONDS, LiveKitTokens } from './livekit-tokens';

const config = loadConfig({ NODE_ENV: 'test', LIVEKIT_API_KEY: 'kunci-uji', LIVEKIT_API_SECRET: 'rahasia-uji-yang-panjang' });
const tokens = new LiveKitTokens(config);
const verifier = new TokenVerifier('kunci-uji', 'rahasia-uji-yang-panjang');
const userId = '01968f3e-7a2b-7c00-8000-0000000000aa';
const ALL = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

async function claims(role: VideoRole, options: JoinOptions = {}) {
  const { token, expiresAt } = await tokens.issue({ room: 'workshop-session-x', identity: userId, name: 'Siti Aminah', role, permissions: permissionsFor(role, options) });
  return { claims: await verifier.verify(token), expiresAt };
}

describe('LiveKit join tokens (verified with the SDK TokenVerifier)', () => {
  it('names the user: identity is the user id, display name and role in the metadata, expiring in ten minutes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { claims: c, expiresAt } = await claims('attendee');
    expect(c.sub).toBe(userId);
    expect(c.iss).toBe('kunci-uji');
    expect(c.name).toBe('Siti Aminah');
    expect(JSON.parse(c.metadata!)).toEqual({ role: 'attendee', name: 'Siti Aminah' });
    expect(c.attributes).toEqual({ role: 'attendee' });
    expect(c.exp! - before).toBeGreaterThanOrEqual(JOIN_TOKEN_TTL_SECONDS);
    expect(c.exp! - before).toBeLessThanOrEqual(JOIN_TOKEN_TTL_SECONDS + 2);
    expect(Math.abs(expiresAt.getTime() / 1000 - c.exp!)).toBeLessThanOrEqual(1);
  });

  it('lets an attendee subscribe and send data but publish nothing', async () => {
    const { claims: c } = await claims('attendee');
    expect(c.video).toEqual({ room: 'workshop-session-x', roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: true, canUpdateOwnMetadata: false });
  });

  it('lets a speaker publish camera, microphone and screen share, without room admin', async () => {
    const { claims: c } = await claims('speaker');
    expect(c.video).toMatchObject({ roomJoin: true, canSubscribe: true, canPublish: true, canPublishSources: ALL, canPublishData: true });
    expect(c.video!.roomAdmin).toBeUndefined();
    expect(c.video!.hidden).toBeUndefined();
  });

  it('makes an admin room admin, visible and publishing, or hidden and silent when observing', async () => {
    const host = (await claims('host')).claims.video!;
    expect(host).toMatchObject({ roomJoin: true, roomAdmin: true, canPublish: true, canPublishSources: ALL, canSubscribe: true });
    expect(host.hidden).toBeUndefined();
    const observer = (await claims('host', { observe: true })).claims.video!;
    expect(observer).toMatchObject({ roomJoin: true, roomAdmin: true, hidden: true, canPublish: false, canSubscribe: true });
    expect(observer.canPublishSources).toBeUndefined();
  });

  it('lets both people of a consultation publish camera and microphone', async () => {
    const { claims: c } = await claims('participant');
    expect(c.video).toMatchObject({ roomJoin: true, canSubscribe: true, canPublish: true, canPublishSources: ['camera', 'microphone'], canPublishData: true });
    expect(c.video!.roomAdmin).toBeUndefined();
    expect(JSON.parse(c.metadata!).role).toBe('participant');
  });

  it('limits publishing to the microphone for an audio-only (low bandwidth) join', async () => {
    expect((await claims('participant', { audioOnly: true })).claims.video!.canPublishSources).toEqual(['microphone']);
    expect((await claims('speaker', { audioOnly: true })).claims.video!.canPublishSources).toEqual(['microphone']);
  });

  it('is refused by a verifier holding another secret', async () => {
    const { token } = await tokens.issue({ room: 'r', identity: userId, name: 'x', role: 'attendee', permissions: permissionsFor('attendee') });
    await expect(new TokenVerifier('kunci-uji', 'rahasia-lain').verify(token)).rejects.toThrow();
  });
});
