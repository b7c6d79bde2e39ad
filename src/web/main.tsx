import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import { App, queryClient } from './App';
import { browserLocale, loadLocale } from './i18n';
import { preloadFirstScreen } from './startup';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render needs its language's texts; the catalogue loads alongside the first screen's
// chunks and the signed-in user.
preloadFirstScreen(window.location.pathname, queryClient);
void loadLocale(browserLocale()).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
