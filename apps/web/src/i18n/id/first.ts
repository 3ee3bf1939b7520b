// The text of the first screen (shell, login, registration, landing), bundled with the app's core.
import common from './common';
import auth from './auth';
import home from './home';

const first = { common, auth, home };
export default first;
