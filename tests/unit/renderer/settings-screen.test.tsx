// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagedSetting, PageMapInUse, Settings } from '../../../src-main/shared/domain';
import type { FirmServerStatus } from '../../../src-main/shared/firm-server';
import {
  bridgeError,
  createFakeBridge,
  savingKeychain,
  shippedPageMap,
  trainingCourt,
  type FakeBridge,
} from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const linuxPolicy = '/etc/ecf-desk/policy.json';
const windowsPolicy = 'HKLM\\SOFTWARE\\Policies\\ECF Desk';

const trainingLabel =
  'CIT — training (local) (filing is tested end to end against it: its screens follow CM/ECF where known, the rest as the courts’ manuals describe them)';
const realCourtLabel =
  'CIT — U.S. Court of International Trade (experimental, not tested against the live court: filing with the real court is not available in this version)';

/** The settings a new user starts with; tests override what they check. */
function userSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    documentsSort: 'added',
    courtProfile: 'cit-training',
    allowCredentialStorage: true,
    mailboxes: [],
    ...overrides,
  };
}

/** A bridge that keeps the settings it is given and answers updates as main does, merging the change. */
function bridgeWith(
  settings: Settings = userSettings(),
  managed: readonly ManagedSetting[] = [],
): FakeBridge & { saved: () => Settings } {
  const bridge = createFakeBridge();
  let kept = settings;
  bridge.answer('settings.get', () => kept);
  bridge.answer('settings.managed', () => [...managed]);
  bridge.answer('settings.update', (changes) => {
    kept = { ...kept, ...changes };
    return kept;
  });
  return Object.assign(bridge, { saved: () => kept });
}

/** Renders the window and chooses Settings on the rail, as a user would, once the settings are shown. */
async function openSettings(bridge: FakeBridge): Promise<HTMLElement> {
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  const settingsScreen = await screen.findByTestId('settings-screen');
  await screen.findByTestId('setting-court-profile');
  return settingsScreen;
}

function callsTo(bridge: FakeBridge, channel: string): unknown[] {
  return bridge.calls.filter((call) => call.channel === channel).map((call) => call.args);
}

function radio(name: string): HTMLInputElement {
  return within(screen.getByTestId('setting-court-profile')).getByRole('radio', { name }) as HTMLInputElement;
}

function passwordCheckbox(): HTMLInputElement {
  return screen.getByTestId('setting-credential-storage') as HTMLInputElement;
}

function badgeFor(key: string): HTMLElement {
  const badge = screen.queryAllByTestId('managed-badge').find((each) => each.dataset.key === key);
  if (!badge) {
    throw new Error(`no managed badge for ${key}`);
  }
  return badge;
}

describe('the Settings screen', () => {
  it('is reached from the rail between Accounts and Help, with a heading and six sections', async () => {
    const bridge = bridgeWith();
    await openSettings(bridge);

    const entries = within(screen.getByRole('navigation', { name: 'Screens' })).getAllByRole('button');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'Documents',
      'Filings',
      'Inbox',
      'Accounts',
      'Settings',
      'Help',
    ]);
    expect(entries[4]?.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Court',
      'Court page map',
      'Passwords',
      'Mailboxes',
      'Firm server',
      'Support',
    ]);
    expect(screen.queryAllByTestId('managed-badge')).toHaveLength(0);
  });

  it('shows the court in use and the saved choices, each with the words the user reads', async () => {
    await openSettings(bridgeWith());

    expect(radio(trainingLabel).checked).toBe(true);
    expect(radio(realCourtLabel).checked).toBe(false);
    expect(passwordCheckbox().checked).toBe(true);
    expect(screen.getByLabelText('Save PACER passwords in the keychain')).toBe(passwordCheckbox());
    await waitFor(() =>
      expect(screen.getByTestId('court-in-use').textContent).toBe('In use now: CIT — training (local).'),
    );
    expect(screen.getByText(/asks for them at each login/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('keychain-line').textContent).toBe('Passwords are saved in Secret Service.'),
    );
  });

  it('changing the court profile sends settings.update with only that change', async () => {
    const bridge = bridgeWith();
    await openSettings(bridge);

    fireEvent.click(radio(realCourtLabel));

    expect(radio(realCourtLabel).checked).toBe(true);
    await waitFor(() => expect(callsTo(bridge, 'settings.update')).toEqual([{ courtProfile: 'cit' }]));
    expect(bridge.saved().courtProfile).toBe('cit');
    await waitFor(() => expect(screen.getByText('Saved the court setting.')).toBeTruthy());
  });

  it('turning off saved passwords sends settings.update and reads the accounts again, since what is saved for them changes', async () => {
    const bridge = bridgeWith();
    await openSettings(bridge);
    await waitFor(() => expect(callsTo(bridge, 'accounts.list').length).toBeGreaterThan(0));
    const listsBefore = callsTo(bridge, 'accounts.list').length;

    fireEvent.click(passwordCheckbox());

    expect(passwordCheckbox().checked).toBe(false);
    await waitFor(() => expect(callsTo(bridge, 'settings.update')).toEqual([{ allowCredentialStorage: false }]));
    await waitFor(() => expect(callsTo(bridge, 'accounts.list').length).toBe(listsBefore + 1));
  });

  it('a court profile the policy manages shows the badge with its source, the policy’s court, and radios no one can change', async () => {
    const bridge = bridgeWith(userSettings({ courtProfile: 'cit-training' }), [
      { key: 'courtProfile', value: 'cit', source: linuxPolicy },
    ]);
    await openSettings(bridge);

    const badge = badgeFor('courtProfile');
    expect(badge.textContent).toContain('Managed by your organization');
    expect(badge.textContent).toContain(linuxPolicy);
    const group = screen.getByTestId('setting-court-profile') as HTMLFieldSetElement;
    expect(group.disabled).toBe(true);
    expect(group.getAttribute('aria-describedby')).toBe(badge.id);
    expect(radio(realCourtLabel).checked).toBe(true);
    expect(radio(trainingLabel).matches(':disabled')).toBe(true);
    expect(radio(realCourtLabel).matches(':disabled')).toBe(true);

    fireEvent.click(radio(trainingLabel));
    fireEvent.keyDown(radio(realCourtLabel), { key: 'ArrowDown' });
    await act(async () => {});

    expect(radio(realCourtLabel).checked).toBe(true);
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
  });

  it('a court list the policy restricts leaves only the allowed courts to choose, with the badge', async () => {
    const bridge = bridgeWith(userSettings({ courtProfile: 'cit' }), [
      { key: 'allowedCourtProfiles', value: ['cit', 'cit-training'], source: linuxPolicy },
    ]);
    await openSettings(bridge);
    expect(badgeFor('allowedCourtProfiles').textContent).toContain(linuxPolicy);
    expect(radio(trainingLabel).disabled).toBe(false);
    fireEvent.click(radio(trainingLabel));
    await waitFor(() => expect(callsTo(bridge, 'settings.update')).toEqual([{ courtProfile: 'cit-training' }]));
    cleanup();

    // A one-court list decides the court: nothing is left to choose.
    const onlyTraining = bridgeWith(userSettings({ courtProfile: 'cit-training' }), [
      { key: 'allowedCourtProfiles', value: ['cit-training'], source: windowsPolicy },
    ]);
    await openSettings(onlyTraining);
    expect(radio(trainingLabel).checked).toBe(true);
    expect(radio(trainingLabel).disabled).toBe(true);
    expect(radio(realCourtLabel).disabled).toBe(true);
    expect(badgeFor('allowedCourtProfiles').textContent).toContain(windowsPolicy);
    fireEvent.click(radio(realCourtLabel));
    await act(async () => {});
    expect(callsTo(onlyTraining, 'settings.update')).toEqual([]);
  });

  it('lists every other policy in force, read-only and in plain words, with where it was set', async () => {
    const bridge = bridgeWith(userSettings(), [
      { key: 'courtProfile', value: 'cit-training', source: windowsPolicy },
      { key: 'updateMode', value: 'manual', source: windowsPolicy },
      { key: 'updateUrl', value: 'https://updates.morganreyes.example/ecf-desk', source: windowsPolicy },
      { key: 'noticeRetentionDays', value: 90, source: windowsPolicy },
      { key: 'logLevel', value: 'debug', source: 'HKCU\\SOFTWARE\\Policies\\ECF Desk' },
      {
        key: 'externalLinkAllowlist',
        value: ['intranet.morganreyes.example', 'docs.morganreyes.example'],
        source: windowsPolicy,
      },
    ]);
    await openSettings(bridge);
    const section = screen.getByTestId('organization-policies');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Also set by your organization');
    const rows = within(section)
      .getAllByTestId('organization-policy')
      .map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);
    expect(rows).toEqual([
      ['Updates', 'You choose when to install an update'],
      ['Update server', 'https://updates.morganreyes.example/ecf-desk'],
      [
        'Days to keep court notices',
        'Read notices are removed 90 days after they arrive, unless a deadline in them is still to come',
      ],
      ['Log detail', 'Detailed, for troubleshooting'],
      ['Extra web sites links may open', 'intranet.morganreyes.example, docs.morganreyes.example'],
    ]);
    expect(badgeFor('other').textContent).toContain(`${windowsPolicy}; HKCU`);
    // Nothing in it can be edited.
    expect(within(section).queryAllByRole('textbox')).toHaveLength(0);
    expect(within(section).queryAllByRole('button')).toHaveLength(0);
  });

  it('a managed allowCredentialStorage checkbox is disabled and shows the value the policy sets', async () => {
    const bridge = bridgeWith(userSettings({ allowCredentialStorage: true }), [
      { key: 'allowCredentialStorage', value: false, source: windowsPolicy },
    ]);
    await openSettings(bridge);

    expect(passwordCheckbox().disabled).toBe(true);
    expect(passwordCheckbox().checked).toBe(false);
    const badge = badgeFor('allowCredentialStorage');
    expect(badge.textContent).toContain(windowsPolicy);
    expect(passwordCheckbox().getAttribute('aria-describedby')).toContain(badge.id);

    fireEvent.click(passwordCheckbox());

    expect(passwordCheckbox().checked).toBe(false);
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
    expect(radio(trainingLabel).disabled).toBe(false);
  });

  it('a policy value the setting cannot take still locks it, showing the value main keeps', async () => {
    await openSettings(
      bridgeWith(userSettings({ courtProfile: 'cit-training' }), [
        { key: 'courtProfile', value: 'cafc', source: linuxPolicy },
      ]),
    );

    expect(badgeFor('courtProfile')).toBeTruthy();
    expect((screen.getByTestId('setting-court-profile') as HTMLFieldSetElement).disabled).toBe(true);
    expect(radio(trainingLabel).checked).toBe(true);
  });

  it('a change main refuses rolls back to the saved value and says so in the banner', async () => {
    const bridge = bridgeWith();
    bridge.answer('settings.update', () => {
      throw bridgeError('internal', 'The settings file could not be written. Check that the disk is not full.');
    });
    await openSettings(bridge);

    fireEvent.click(radio(realCourtLabel));

    await waitFor(() =>
      expect(screen.getByTestId('error-banner').textContent).toContain('ECF Desk did not change the court setting.'),
    );
    expect(screen.getByTestId('error-banner').textContent).toContain('The settings file could not be written.');
    expect(radio(trainingLabel).checked).toBe(true);
    expect(radio(realCourtLabel).checked).toBe(false);
  });

  it('reads the settings and the policy again when main says the court changed', async () => {
    const bridge = bridgeWith();
    await openSettings(bridge);
    const readsBefore = callsTo(bridge, 'settings.managed').length;

    bridge.answer('settings.get', () => userSettings({ courtProfile: 'cit' }));
    bridge.answer('settings.managed', () => [{ key: 'courtProfile', value: 'cit', source: linuxPolicy }]);
    act(() =>
      bridge.emit(
        'court.statusChanged',
        trainingCourt({
          profileId: 'cit',
          name: 'CIT — U.S. Court of International Trade',
          kind: 'live',
          isExperimental: true,
        }),
      ),
    );

    await waitFor(() => expect(badgeFor('courtProfile')).toBeTruthy());
    expect(callsTo(bridge, 'settings.managed').length).toBe(readsBefore + 1);
    expect(radio(realCourtLabel).checked).toBe(true);
    expect(screen.getByTestId('court-in-use').textContent).toBe('In use now: CIT — U.S. Court of International Trade.');
  });

  it('offers Try again when the settings cannot be read, and shows them once they can', async () => {
    const bridge = bridgeWith();
    bridge.answer('settings.managed', () => {
      throw bridgeError('internal', 'ECF Desk could not read its policy.');
    });
    renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));

    const tryAgain = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.queryByTestId('setting-court-profile')).toBeNull();
    bridge.answer('settings.managed', () => []);
    fireEvent.click(tryAgain);

    expect(await screen.findByTestId('setting-court-profile')).toBeTruthy();
  });

  it('loads a court page map from a file, says which map filing goes by, and goes back to the built-in one', async () => {
    const bridge = bridgeWith();
    let inUse: PageMapInUse = shippedPageMap();
    bridge.answer('settings.pageMap', () => inUse);
    await openSettings(bridge);
    const section = screen.getByTestId('setting-page-map');
    expect(within(section).getByTestId('page-map-in-use').textContent).toBe(
      "Built in.The training court's filing screens.",
    );
    expect(within(section).queryByTestId('use-built-in-page-map')).toBeNull();

    inUse = { ...inUse, source: 'file', fileName: 'firm.pages.json', description: "The firm's map." };
    const text = '{"court": "cit-training"}';
    fireEvent.change(within(section).getByTestId('load-page-map-input'), {
      target: { files: [new File([text], 'firm.pages.json', { type: 'application/json' })] },
    });
    await waitFor(() =>
      expect(callsTo(bridge, 'settings.update')).toEqual([{ pageMap: { fileName: 'firm.pages.json', text } }]),
    );
    await waitFor(() =>
      expect(within(section).getByTestId('page-map-in-use').textContent).toBe(
        "Loaded from firm.pages.json.The firm's map.",
      ),
    );

    inUse = { ...inUse, source: 'shipped', fileName: null, description: "The training court's filing screens." };
    fireEvent.click(within(section).getByRole('button', { name: 'Use the built-in map' }));
    await waitFor(() => expect(callsTo(bridge, 'settings.update').at(-1)).toEqual({ pageMap: null }));
    await waitFor(() => expect(within(section).getByTestId('page-map-in-use').textContent).toMatch(/^Built in\./));
  });

  it('refuses a file too large to be a page map without sending it, and shows why a chosen map is not used', async () => {
    const bridge = bridgeWith();
    bridge.answer('settings.pageMap', () => ({
      court: 'cit-training',
      source: 'file',
      description: null,
      fileName: 'old.pages.json',
      managedBy: null,
      problem: 'The court page map loaded from old.pages.json is no longer valid: fields.party: Required.',
    }));
    await openSettings(bridge);
    const section = screen.getByTestId('setting-page-map');
    expect(within(section).getByTestId('page-map-problem').textContent).toMatch(/no longer valid: fields\.party/);

    fireEvent.change(within(section).getByTestId('load-page-map-input'), {
      target: { files: [new File(['x'.repeat(300 * 1024)], 'huge.json', { type: 'application/json' })] },
    });
    await waitFor(() =>
      expect(within(section).getByTestId('page-map-problem').textContent).toBe(
        'huge.json is 300 KB: a court page map is at most 256 KB, so it was not loaded.',
      ),
    );
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
  });

  it('a page map the policy sets shows the badge with its source and offers no other', async () => {
    const bridge = bridgeWith(userSettings(), [
      { key: 'pageMapFile', value: '/etc/ecf-desk/cit-training.pages.json', source: linuxPolicy },
    ]);
    bridge.answer('settings.pageMap', () => ({
      court: 'cit-training',
      source: 'policy',
      description: "The firm's map.",
      fileName: '/etc/ecf-desk/cit-training.pages.json',
      managedBy: linuxPolicy,
      problem: null,
    }));
    await openSettings(bridge);
    const section = screen.getByTestId('setting-page-map');
    expect(badgeFor('pageMapFile').textContent).toContain(linuxPolicy);
    expect(within(section).getByTestId('page-map-in-use').textContent).toContain(
      'Set by your organization: /etc/ecf-desk/cit-training.pages.json.',
    );
    expect(within(section).queryByTestId('load-page-map')).toBeNull();
  });

  it('says where mailboxes are set and takes the user to the Inbox', async () => {
    await openSettings(bridgeWith());

    expect(screen.getByText(/choose Mailboxes… at the top of that screen/)).toBeTruthy();
    expect(screen.queryByTestId('shared-mailbox')).toBeNull();
    fireEvent.click(screen.getByTestId('settings-open-inbox'));

    expect(await screen.findByTestId('inbox-screen')).toBeTruthy();
  });

  it('says which shared docketing mailbox the organization adds, or why a half-set one is not added', async () => {
    const shared = [
      { key: 'mailboxHost', value: 'imap.morganreyes.example', source: windowsPolicy },
      { key: 'mailboxUser', value: 'docketing@morganreyes.example', source: windowsPolicy },
      { key: 'mailboxFolder', value: 'Courts', source: windowsPolicy },
    ];
    await openSettings(bridgeWith(userSettings(), shared));
    expect(badgeFor('mailboxes').textContent).toContain(windowsPolicy);
    expect(screen.getByTestId('shared-mailbox').textContent).toBe(
      'Your organization adds the firm’s shared docketing mailbox: docketing@morganreyes.example on imap.morganreyes.example, folder “Courts”. It is listed first in the Inbox’s mailboxes; you sign in to it with your own password.',
    );
    // Shown in its own section, so not again among the other policies.
    expect(screen.queryByTestId('organization-policies')).toBeNull();
    cleanup();

    await openSettings(
      bridgeWith(userSettings(), [{ key: 'mailboxHost', value: 'imap.morganreyes.example', source: linuxPolicy }]),
    );
    expect(screen.getByTestId('shared-mailbox').textContent).toMatch(
      /names only part of a shared mailbox \(its user name is missing\), so none is added/,
    );
  });

  it('says why passwords cannot be saved on a computer with no keychain', async () => {
    const bridge = bridgeWith();
    bridge.answer('accounts.list', () => ({
      accounts: [],
      keychain: savingKeychain({ isAvailable: false, message: 'No keychain is available on this computer.' }),
    }));
    await openSettings(bridge);

    await waitFor(() =>
      expect(screen.getByTestId('keychain-line').textContent).toBe('No keychain is available on this computer.'),
    );
  });

  it('connects to the firm server with an address and a token, says who the user is, and disconnects', async () => {
    const bridge = bridgeWith();
    const connected: FirmServerStatus = {
      url: 'https://ecf-desk.firm.example',
      managedBy: null,
      state: 'connected',
      user: { name: 'mchen', role: 'paralegal', cases: ['1:26-cv-00123'], seesEveryCase: false },
      message: null,
    };
    bridge.answer('firmServer.connect', () => connected);
    bridge.answer('firmServer.disconnect', () => ({ ...connected, url: null, state: 'not-set', user: null }));
    await openSettings(bridge);
    const section = screen.getByTestId('setting-firm-server');
    expect((await within(section).findByTestId('firm-server-state')).textContent).toBe(
      'Not connected to a firm server.',
    );

    fireEvent.change(within(section).getByLabelText('Address'), {
      target: { value: ' https://ecf-desk.firm.example ' },
    });
    fireEvent.change(within(section).getByLabelText('Your token'), { target: { value: 'ecfd_token ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));

    await waitFor(() =>
      expect(within(section).getByTestId('firm-server-state').textContent).toBe(
        'Connected to https://ecf-desk.firm.example as mchen (paralegal). You are on the team of 1 case (1:26-cv-00123).',
      ),
    );
    expect(callsTo(bridge, 'firmServer.connect')).toEqual([
      { url: 'https://ecf-desk.firm.example', token: 'ecfd_token' },
    ]);
    expect(within(section).queryByLabelText('Your token')).toBeNull();

    fireEvent.click(within(section).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() =>
      expect(within(section).getByTestId('firm-server-state').textContent).toBe('Not connected to a firm server.'),
    );
    expect(callsTo(bridge, 'firmServer.disconnect')).toHaveLength(1);
  });

  it('shows why the firm server refused, in the section, and keeps what was typed', async () => {
    const bridge = bridgeWith();
    bridge.answer('firmServer.connect', () => {
      throw bridgeError('firm-server.token-refused', 'The firm server does not know this token.');
    });
    await openSettings(bridge);
    const section = screen.getByTestId('setting-firm-server');
    fireEvent.change(within(section).getByLabelText('Address'), { target: { value: 'https://ecf-desk.firm.example' } });
    fireEvent.change(within(section).getByLabelText('Your token'), { target: { value: 'ecfd_wrong' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));

    expect((await within(section).findByTestId('firm-server-problem')).textContent).toBe(
      'The firm server does not know this token.',
    );
    expect((within(section).getByLabelText('Address') as HTMLInputElement).value).toBe('https://ecf-desk.firm.example');
    expect((within(section).getByLabelText('Your token') as HTMLInputElement).value).toBe('ecfd_wrong');
  });

  it('a firm server address set by policy is shown with its badge and cannot be edited; the user gives only a token', async () => {
    const bridge = bridgeWith(userSettings(), [
      { key: 'firmServerUrl', value: 'https://ecf-desk.firm.example', source: linuxPolicy },
    ]);
    bridge.answer('firmServer.status', () => ({
      url: 'https://ecf-desk.firm.example',
      managedBy: linuxPolicy,
      state: 'no-token',
      user: null,
      message: 'Type the token IT gave you to connect to the firm server.',
    }));
    await openSettings(bridge);
    const section = screen.getByTestId('setting-firm-server');

    expect((await within(section).findByTestId('firm-server-state')).textContent).toBe(
      'Type the token IT gave you to connect to the firm server.',
    );
    expect(badgeFor('firmServerUrl').textContent).toContain('Managed by your organization');
    const address = within(section).getByLabelText('Address') as HTMLInputElement;
    expect(address.value).toBe('https://ecf-desk.firm.example');
    expect(address.readOnly).toBe(true);
  });
});
