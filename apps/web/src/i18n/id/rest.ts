// The text of every page after the first screen: loaded with the first of them (loadAllText).
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

const rest = { consultations, notifications, profile, video, workshops, availability, reports, mentorDesk, speaker, adminWorkshops, people, regions, deliveries };
export default rest;
