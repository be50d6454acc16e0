// /console/callback: where Cognito's hosted UI sends the editor back with a code, exchanged here for the ID token.
import { t } from '../i18n.js';
import { el, fill } from '../dom.js';
import { page, setTitle } from '../layout.js';
import { finishHostedSignIn, returnTo } from './session.js';

page(async (main) => {
  setTitle(t('console.title'));
  const params = new URLSearchParams(location.search);
  history.replaceState(null, '', '/console/callback'); // the one-time code leaves the address bar
  fill(main, el('h1', {}, t('console.title')), el('p', { role: 'status' }, t('console.callback')));
  try {
    if (!params.get('code')) throw new Error(t('console.signInFailed'));
    await finishHostedSignIn(params.get('code'), params.get('state'));
    location.replace(returnTo());
  } catch (error) {
    fill(main, el('h1', {}, t('console.title')), el('p', { role: 'alert' }, error.message),
      el('p', {}, el('a', { href: '/console/' }, t('console.signIn'))));
  }
}, { bundles: ['console'] });
