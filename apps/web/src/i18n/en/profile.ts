import type id from '../id/profile';
import type { Strings } from '../types';

const profile: Strings<typeof id> = {
  title: 'Profile',
  intro: 'Your mentor uses these details to reach you, and your schedule is shown in your time zone.',
  you: 'About you',
  email: 'Email',
  emailHint: 'You sign in with this email; it cannot be changed here.',
  name: 'Full name',
  phone: 'Mobile number (WhatsApp)',
  phoneHint: 'For example 0812-3456-7890. Leave empty if you do not want WhatsApp messages.',
  business: 'Business',
  businessName: 'Business name',
  businessType: 'Type of business',
  area: 'Business location',
  settings: 'Time zone and language',
  timezone: 'Time zone',
  timezoneHint: 'Every time in the app and in reminders is shown in this zone.',
  zoneGroups: { indonesia: 'Indonesia', other: 'Other zones' },
  zones: {
    'Asia/Jakarta': 'WIB – Jakarta, Java, Sumatra',
    'Asia/Pontianak': 'WIB – West and Central Kalimantan',
    'Asia/Makassar': 'WITA – Sulawesi, Bali, Nusa Tenggara, East Kalimantan',
    'Asia/Jayapura': 'WIT – Maluku, Papua',
  },
  language: 'Language',
  save: 'Save profile',
  saved: 'Profile saved.',
  required: 'Required',
  nameShort: 'At least 2 letters',
  password: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    newHint: 'At least 8 characters.',
    tooShort: 'The new password needs at least 8 characters',
    same: 'The new password must differ from the current one',
    submit: 'Change password',
    changed: 'Your password has been changed.',
    errors: {
      WRONG_PASSWORD: 'The current password is wrong. Please check it and try again.',
    },
  },
};
export default profile;
