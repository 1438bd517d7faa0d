// First, before any module builds a schema.
import './no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureBrowserToken } from './api/client';
import { App } from './App';
// The bundled Japanese font (OFL): the app reads the same on a machine with no Japanese fonts.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
// The Noto fonts of the counterparts' scripts, which the Japanese one lacks: the app shows translations in them, and
// packs print them in these same files. The browser fetches a font only for text that needs it.
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/700.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-lao/700.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import '@fontsource/noto-sans-myanmar/400.css';
import '@fontsource/noto-sans-myanmar/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './i18n';
import './styles/app.css';

if (!window.karte) captureBrowserToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
