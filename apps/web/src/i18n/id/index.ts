// Indonesian, the default language. One file per feature, so features grow without stepping on each other.
import common from './common';
import auth from './auth';
import home from './home';
import video from './video';

const id = { common, auth, home, video };
export default id;
