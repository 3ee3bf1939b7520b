import { loadConfig } from '@pendamping/platform';
import { MessageBuilder } from './message-builder';

describe('MessageBuilder.link: every message links to a page of the web app on PUBLIC_URL', () => {
  const builder = new MessageBuilder(loadConfig({ PUBLIC_URL: 'https://pendamping.example/' }));
  const link = (type: string, refKind: 'consultation' | 'workshop_session' | 'workshop', refId: string, payload = {}) => builder.link({ type, refKind, refId, payload });

  it('opens the certificate page for certificate.ready, not the api endpoint that needs a token', () => {
    expect(link('certificate.ready', 'workshop', 'w1')).toBe('https://pendamping.example/workshops/w1/certificate');
  });

  it('opens the consultation for its confirmations and reminders', () => {
    expect(link('consultation.booked', 'consultation', 'c1')).toBe('https://pendamping.example/consultations/c1');
    expect(link('consultation.reminder', 'consultation', 'c1')).toBe('https://pendamping.example/consultations/c1');
  });

  it("opens the session of its workshop for a session reminder, and the workshop for the others", () => {
    expect(link('workshop.session.reminder', 'workshop_session', 's1', { workshopId: 'w1' })).toBe('https://pendamping.example/workshops/w1/sessions/s1');
    expect(link('workshop.promoted', 'workshop', 'w1')).toBe('https://pendamping.example/workshops/w1');
  });
});
