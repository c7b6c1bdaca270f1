import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('Gatebook: #root is missing from index.html');
void import('./styles/fonts');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
