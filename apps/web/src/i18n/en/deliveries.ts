import type id from '../id/deliveries';
import type { Strings } from '../types';

const deliveries: Strings<typeof id> = {
  title: 'Failed deliveries',
  intro: 'Emails and WhatsApp messages that did not arrive after every attempt, or that the provider refused. Check the cause (a wrong phone number, say), then send them again.',
  queues: 'Open the queue dashboard',
  queuesHint: 'The delivery queues (bull-board) open in a new tab.',
  empty: 'No failed deliveries',
  emptyHint: 'Every notification went out. Deliveries that fail will show here.',
  more: 'Load more',
  recipient: 'Recipient',
  template: 'Message',
  error: 'Cause',
  noError: 'The provider gave no reason.',
  failedAt: 'Failed',
  attempts: 'tried {{count}} times',
  retry: 'Send again',
  retryFor: 'Send {{template}} to {{name}} again',
  retried: 'Sent again: {{template}} to {{name}}.',
  noAddress: 'no address',
  channels: { email: 'Email', whatsapp: 'WhatsApp', in_app: 'App' },
  types: {
    consultation_booked: 'Consultation booked',
    consultation_rescheduled: 'Consultation rescheduled',
    consultation_cancelled: 'Consultation cancelled',
    consultation_reminder: 'Consultation reminder',
    workshop_registered: 'Workshop registration',
    workshop_waitlisted: 'Workshop waitlist',
    workshop_promoted: 'Moved up from the waitlist',
    workshop_changed: 'Workshop changed',
    workshop_cancelled: 'Workshop cancelled',
    workshop_session_reminder: 'Workshop session reminder',
    certificate_ready: 'Certificate ready',
    followup_due: 'Follow-up due',
  },
  errors: {
    NOT_FAILED: 'This delivery is no longer failed (it may have been sent again already). The list has been reloaded.',
  },
};
export default deliveries;
