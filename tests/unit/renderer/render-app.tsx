import { configure, render, type RenderResult } from '@testing-library/react';
import { App } from '../../../src-renderer/App';
import { createStores, type Stores } from '../../../src-renderer/state/stores';
import { StoresProvider } from '../../../src-renderer/state/StoresProvider';
import type { FakeBridge } from './fake-bridge';

// The full suite runs many files at once on two cores: a screen may take longer than the default second to settle.
configure({ asyncUtilTimeout: 5_000 });

/**
 * Renders the whole window over a fake bridge, the way main.tsx does over the real one: a new window, at a bare address
 * with nothing in the page's storage, unless `isReload` keeps both, as a reload of the page does.
 */
export function renderApp(
  bridge: FakeBridge,
  { isReload = false }: { readonly isReload?: boolean } = {},
): RenderResult & { readonly stores: Stores } {
  if (!isReload) {
    window.history.replaceState(null, '', '/');
    window.localStorage.clear();
  }
  const stores = createStores(bridge);
  const result = render(
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>,
  );
  return { ...result, stores };
}
