// First, before any module builds a schema.
import './no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureBrowserToken } from './api/client';
import { App } from './App';
// The bundled Japanese font (OFL): the app reads the same on a machine with no Japanese fonts.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './i18n';
import './styles/app.css';

if (!window.karte) captureBrowserToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
