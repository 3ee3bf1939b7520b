import type id from '../id';
import type { Strings } from '../types';
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

const en: Strings<typeof id> = { common, auth, home, consultations, notifications, profile, video, workshops, availability, reports, mentorDesk, speaker, adminWorkshops };
export default en;
