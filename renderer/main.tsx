// The renderer's entry: strings first, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The house style first, so each feature's own CSS comes after it and can refine it.
import './app/base.css';
import './app/controls.css';
import { App } from './app/App.js';
import { initI18n } from './i18n/index.js';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
