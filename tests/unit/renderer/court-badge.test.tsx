// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeError, createFakeBridge, liveCourt, trainingCourt } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

/** The live CIT profile as main describes it. */
const liveCit = liveCourt();

describe('the court badge in the header', () => {
  it('says the training court is starting, then that it is ready once main reports it running', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.status', () => trainingCourt({ state: 'starting', ecfUrl: null, loginServiceUrl: null }));
    renderApp(bridge);

    const badge = await screen.findByRole('status', { name: 'Court: CIT — training (local), Starting…' });
    expect(badge.dataset.state).toBe('starting');
    expect(badge.textContent).toContain('CIT — training (local)');
    expect(badge.textContent).toContain('Starting…');

    act(() => bridge.emit('court.statusChanged', trainingCourt()));

    expect(badge.dataset.state).toBe('ready');
    expect(screen.getByRole('status', { name: 'Court: CIT — training (local), ready' })).toBe(badge);
    expect(badge.textContent).not.toContain('Starting…');
    expect(badge).toHaveProperty('title', 'Court: CIT — training (local)\nAddress: http://127.0.0.1:4567');
  });

  it('a status that arrives as an event is not replaced by the slower answer to the first question', async () => {
    const bridge = createFakeBridge();
    let answerFirstQuestion: () => void = () => undefined;
    bridge.answer(
      'court.status',
      () =>
        new Promise(
          (resolve) => (answerFirstQuestion = () => resolve(trainingCourt({ state: 'starting', ecfUrl: null }))),
        ),
    );
    renderApp(bridge);

    act(() => bridge.emit('court.statusChanged', trainingCourt()));
    await act(async () => answerFirstQuestion());

    expect(screen.getByTestId('court-badge').dataset.state).toBe('ready');
  });

  it('when the training court could not start, says so and gives main’s reason', async () => {
    const bridge = createFakeBridge();
    const message = 'The training court could not start: no free port on 127.0.0.1.';
    bridge.answer('court.status', () =>
      trainingCourt({ state: 'failed', ecfUrl: null, loginServiceUrl: null, message }),
    );
    renderApp(bridge);

    const badge = await screen.findByRole('status', {
      name: 'Court: CIT — training (local), Could not start',
      description: `Address: not known yet. ${message}`,
    });
    expect(badge.dataset.state).toBe('failed');
    expect(badge.title).toContain(message);
  });

  it('an unreachable court reads as not available', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.status', () => ({
      ...liveCit,
      state: 'unavailable',
      message: 'The court’s address does not answer.',
    }));
    renderApp(bridge);

    const badge = await screen.findByTestId('court-badge');
    expect(badge.dataset.state).toBe('unavailable');
    expect(badge.textContent).toContain('Not available');
  });

  it('marks the live CIT as experimental and gives its address', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.status', () => liveCit);
    renderApp(bridge);

    const badge = await screen.findByRole('status', {
      name: 'Court: CIT — U.S. Court of International Trade, ready, Experimental',
    });
    expect(badge.textContent).toContain('Experimental');
    expect(badge.title).toContain('Address: https://ecf.cit.uscourts.gov');
    expect(
      screen.getByRole('status', { description: /Address: https:\/\/ecf\.cit\.uscourts\.gov\. Experimental:/ }),
    ).toBe(badge);
  });

  it('the training court carries no experimental mark', async () => {
    renderApp(createFakeBridge());

    const badge = await screen.findByTestId('court-badge');
    expect(badge.textContent).not.toContain('Experimental');
  });

  it('when main cannot say which court it talks to, the banner says so and no badge is shown', async () => {
    const bridge = createFakeBridge();
    bridge.answer('court.status', () => {
      throw bridgeError('internal', 'The court service is not ready.');
    });
    renderApp(bridge);

    expect(await screen.findByText('ECF Desk could not tell which court it talks to.')).toBeTruthy();
    expect(screen.queryByTestId('court-badge')).toBeNull();
  });
});
