// Indonesian, the default language. One file per feature, so features grow without stepping on each other.
import common from './common';
import auth from './auth';
import home from './home';
import consultations from './consultations';
import notifications from './notifications';
import profile from './profile';
import video from './video';
import workshops from './workshops';
import availability from './availability';
import reports from './reports';
import mentorDesk from './mentorDesk';
import speaker from './speaker';
import adminWorkshops from './admin-workshops';
import people from './people';
import regions from './regions';
import deliveries from './deliveries';

const id = { common, auth, home, consultations, notifications, profile, video, workshops, availability, reports, mentorDesk, speaker, adminWorkshops, people, regions, deliveries };
export default id;
