import type id from '../id/home';
import type { Strings } from '../types';

const home: Strings<typeof id> = {
  landing: {
    title: 'Business mentoring for the entrepreneurs Jakarta assists',
    lead: 'Join live workshops with speakers from banks and the city, talk one-to-one with the mentor of your kelurahan, and get reminders on WhatsApp.',
    register: 'Sign up for free',
    login: 'Have an account? Log in',
    offers: 'What you get',
    offer: {
      workshops: { title: 'Live workshops', text: 'Financial management, digital marketing, product photos and more. Join from your phone and ask the speaker directly.' },
      consult: { title: 'Talk to a mentor', text: 'Access to capital (PKK cooperative, Bank DKI), business permits NIB/PIRT, and halal certification.' },
      reminders: { title: 'Reminders', text: 'Your schedule in your calendar, reminders on time by WhatsApp and email.' },
    },
    upcoming: 'Upcoming workshops',
    noUpcoming: 'No workshops scheduled yet.',
    noUpcomingHint: 'New workshops are announced here. Sign up and we will let you know.',
    allWorkshops: 'See all workshops',
  },
  home: {
    greeting: 'Hello, {{name}}',
    nextConsultation: 'Next consultation',
    noConsultation: 'No consultation scheduled.',
    bookConsultation: 'Book a consultation',
    nextSession: 'Next workshop session',
    noSession: 'You are not registered for an upcoming workshop.',
    browseWorkshops: 'Find a workshop',
    with: 'with {{name}}',
    join: 'Join the room',
    opensIn: 'The room opens in {{time}}',
    roomOpen: 'The room is open',
    notifications: 'Unread notifications',
    noNotifications: 'No new notifications.',
    allNotifications: 'All notifications',
    actions: 'Follow-up from consultations',
    noActions: 'No open follow-up actions.',
    followUpOn: 'Follow up: {{date}}',
    details: 'Details',
  },
  countdown: {
    days: '{{count}} days',
    hours: '{{count}} h',
    minutes: '{{count}} min',
    seconds: '{{count}} s',
  },
};
export default home;
