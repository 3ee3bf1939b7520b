import type id from '../id';
import type { Strings } from '../types';
import common from './common';
import auth from './auth';
import home from './home';

const en: Strings<typeof id> = { common, auth, home };
export default en;
