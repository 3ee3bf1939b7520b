import type id from '../id/regions';
import type { Strings } from '../types';

const regions: Strings<typeof id> = {
  title: 'Regions',
  intro: 'The kecamatan and kelurahan used when entrepreneurs register and mentors are assigned. Codes follow Kemendagri.',
  kota: 'City/regency',
  kecamatanCount: '{{count}} kecamatan',
  kelurahanOf: 'Kelurahan in {{name}}',
  noKelurahan: 'No kelurahan in this kecamatan yet',
  noKelurahanHint: 'Add the first one with the form below.',
  noKecamatan: 'No kecamatan in this city yet',
  add: {
    title: 'Add a kelurahan to {{name}}',
    name: 'Kelurahan name',
    namePlaceholder: 'For example: Tebet Barat',
    code: 'Kemendagri code',
    codeHint: 'The kecamatan code, a dot and 4 digits, for example {{example}}.',
    submit: 'Add kelurahan',
    added: 'Kelurahan {{name}} ({{code}}) added.',
    nameShort: 'The name needs at least 2 letters.',
    nameLong: 'The name can have at most 100 letters.',
    codeShape: 'The code must start with {{prefix}} followed by 4 digits, for example {{example}}.',
  },
  errors: {
    REGION_EXISTS: 'This code is already used by another region. Check its Kemendagri code.',
  },
};
export default regions;
