import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { warmUpSheets } from './sheet/Sheet';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// the first sheet opened runs AG Grid's code already compiled (ADR 0059); a sheet opened at start makes its grid first
if ('requestIdleCallback' in window) requestIdleCallback(warmUpSheets, { timeout: 5000 });
else setTimeout(warmUpSheets, 1000);
