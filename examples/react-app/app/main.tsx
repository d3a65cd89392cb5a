import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Register <hearth-provider> before the widgets that consume its context.
import '@hearth/core/hearth-provider.js';
import '@hearth/assessment/hearth-assessment.js';
import '@hearth/coverage/hearth-coverage.js';
import '@hearth/faq/hearth-faq.js';
import { App } from './App.js';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
