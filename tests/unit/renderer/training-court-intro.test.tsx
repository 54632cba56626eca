// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src-main/shared/domain';
import { trainingLogins } from '../../../src-main/shared/training-court-guide';
import { createFakeBridge, trainingCourt, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

/** A fake bridge whose settings.update keeps what it is sent, as main's settings file does. */
function bridgeKeepingSettings(stored: Partial<Settings> = {}): FakeBridge {
  const bridge = createFakeBridge();
  let settings: Settings = {
    documentsSort: 'added',
    courtProfile: 'cit-training',
    allowCredentialStorage: true,
    mailboxes: [],
    ...stored,
  };
  bridge.answer('settings.get', () => settings);
  bridge.answer('settings.update', (changes) => {
    settings = { ...settings, ...changes };
    return settings;
  });
  return bridge;
}

describe('the first run against the training court', () => {
  it('names the training court, its logins (attorneys, the shared view-only one, the 6-digit code) and what to try', async () => {
    renderApp(bridgeKeepingSettings());

    const intro = await screen.findByRole('region', {
      name: 'You are using the training court: CIT — training (local)',
    });
    const logins = within(within(intro).getByRole('list', { name: 'Training court logins' })).getAllByRole('listitem');
    expect(logins.map((item) => item.textContent)).toEqual([
      'twalsh — Attorney (Thomas Walsh, U.S. Department of Justice): files, and asks for no 6-digit code.',
      'jmorgan — Attorney (Jane Morgan, Morgan & Reyes LLP): files, and asks for a 6-digit code.',
      'firmview — The firm’s shared account, as a paralegal uses it: searches cases and prepares filings, but cannot file (FAQ 12).',
    ]);
    expect(intro.textContent).toContain('nothing filed here reaches the U.S. Court of International Trade');
    expect(intro.textContent).toContain('prepare a motion on the Filings screen');
    expect(intro.textContent).toContain('watch its Notice of Electronic Filing arrive in the Inbox');
    // The passwords are read in Help, when asked for; never on every screen.
    for (const login of trainingLogins) {
      expect(document.body.textContent).not.toContain(login.password);
    }
  });

  it('its Help link opens the topic on the training court, with the training passwords', async () => {
    renderApp(bridgeKeepingSettings());

    fireEvent.click(within(await screen.findByTestId('training-intro')).getByTestId('help-link'));

    const topic = await waitFor(() => {
      const found = screen.getAllByTestId('help-topic').find((each) => each.dataset.topicId === 'training-court');
      expect(found).toBeDefined();
      return found as HTMLElement;
    });
    expect(topic.textContent).toContain('twalsh (password Training-Walsh-6)');
    expect(topic.textContent).toContain('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('Dismiss saves the choice as a setting, hides the introduction and leaves focus on the screen', async () => {
    const bridge = bridgeKeepingSettings();
    renderApp(bridge);

    const dismiss = within(await screen.findByTestId('training-intro')).getByRole('button', {
      name: 'Dismiss the training court introduction',
    });
    dismiss.focus();
    fireEvent.click(dismiss);

    await waitFor(() => expect(screen.queryByTestId('training-intro')).toBeNull());
    expect(bridge.calls.filter((call) => call.channel === 'settings.update').map((call) => call.args)).toEqual([
      { trainingIntroDismissed: true },
    ]);
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('stays dismissed after a restart: settings that say so show no introduction', async () => {
    const { stores } = renderApp(bridgeKeepingSettings({ trainingIntroDismissed: true }));

    await waitFor(() => expect(stores.settings.getState().settings?.trainingIntroDismissed).toBe(true));
    await waitFor(() => expect(stores.court.getState().status?.kind).toBe('training'));
    expect(screen.queryByTestId('training-intro')).toBeNull();
  });

  it('is not shown against the real court', async () => {
    const bridge = bridgeKeepingSettings({ courtProfile: 'cit' });
    bridge.answer('court.status', () =>
      trainingCourt({ profileId: 'cit', name: 'U.S. Court of International Trade', kind: 'live' }),
    );
    const { stores } = renderApp(bridge);

    await waitFor(() => expect(screen.getByTestId('court-badge').textContent).toContain('International Trade'));
    await waitFor(() => expect(stores.settings.getState().settings).not.toBeNull());
    expect(screen.queryByTestId('training-intro')).toBeNull();
  });
});
