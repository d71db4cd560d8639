import { createRoot } from 'react-dom/client';
import { Widget } from './Widget';
import './widget.css';

const params = new URLSearchParams(location.search);
const locale = params.get('locale') === 'id' ? 'id' : 'en';
document.documentElement.lang = locale;
createRoot(document.getElementById('widget')!).render(<Widget params={params} locale={locale} />);
