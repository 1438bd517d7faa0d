import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureBrowserToken } from './api/client';
import { App } from './App';
import './i18n';
import './styles/app.css';

if (!window.karte) captureBrowserToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
