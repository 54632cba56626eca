// The shared styles come first so that each component's own stylesheet, imported with it, can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/buttons.css';
import './styles/progress.css';
import './styles/screen.css';
import './styles/empty-state.css';
import './styles/facts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bridge } from './bridge';
import { createStores } from './state/stores';
import { StoresProvider } from './state/StoresProvider';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element.');
}

createRoot(container).render(
  <StrictMode>
    <StoresProvider stores={createStores(bridge)}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
