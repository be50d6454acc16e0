import { t } from './i18n.js';
import { page, setTitle } from './layout.js';

page(async () => setTitle(t('error.notFound')));
