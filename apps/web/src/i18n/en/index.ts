import type id from '../id';
import type { Strings } from '../types';
import common from './common';
import auth from './auth';
import home from './home';
import video from './video';

const en: Strings<typeof id> = { common, auth, home, video };
export default en;
