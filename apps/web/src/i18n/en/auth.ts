import type id from '../id/auth';
import type { Strings } from '../types';

const auth: Strings<typeof id> = {
  login: {
    title: 'Log in',
    intro: 'Log in to join workshops and talk to your mentor.',
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    noAccount: 'No account yet?',
    register: 'Sign up as an entrepreneur',
    errors: {
      INVALID_CREDENTIALS: 'Wrong email or password.',
      ACCOUNT_DISABLED: 'An admin has disabled this account. Contact the Dinas admin to have it enabled again.',
    },
  },
  register: {
    title: 'Sign up as an entrepreneur',
    intro: 'Free for businesses assisted by Jakpreneur. Your details connect you with the mentor of your kelurahan.',
    you: 'About you',
    business: 'Your business',
    area: 'Where your business is',
    name: 'Full name',
    email: 'Email',
    phone: 'WhatsApp number',
    phoneHint: 'For example 0812-3456-7890. Reminders come by WhatsApp.',
    password: 'Password',
    passwordHint: 'At least 8 characters.',
    businessName: 'Business name',
    businessType: 'Type of business',
    kota: 'City/Regency',
    kecamatan: 'Kecamatan (district)',
    kelurahan: 'Kelurahan (sub-district)',
    pickKotaFirst: 'Pick a city first',
    pickKecamatanFirst: 'Pick a kecamatan first',
    searchPlaceholder: 'Type to search',
    nothingFound: 'Nothing found',
    submit: 'Sign up',
    haveAccount: 'Already have an account?',
    login: 'Log in',
    required: 'Required',
    emailInvalid: 'Not a valid email address',
    passwordShort: 'At least 8 characters',
    errors: {
      EMAIL_TAKEN: 'This email is already registered. Please log in.',
    },
  },
};
export default auth;
