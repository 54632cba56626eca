import { useEffect, useRef, useState } from 'react';
import { useInbox } from '../state/StoresProvider';
import { useInBackground } from '../state/background';

/** Whether the host can show desktop notifications at all (a browser test, a locked-down window: no). */
function hasNotifications(): boolean {
  return typeof Notification !== 'undefined';
}

/** The permission as it stands, or null where there are no notifications. */
export function readNotificationPermission(): NotificationPermission | null {
  return hasNotifications() ? Notification.permission : null;
}

/** Asks for permission; only ever called from the user's click on "Notify me of new notices", never on load. */
export async function askNotificationPermission(): Promise<NotificationPermission | null> {
  if (!hasNotifications()) {
    return null;
  }
  return Notification.requestPermission();
}

/** The permission, and a way to ask for it that keeps the answer. */
export function useNotificationPermission(): {
  readonly permission: NotificationPermission | null;
  readonly ask: () => void;
} {
  const [permission, setPermission] = useState(readNotificationPermission);
  const inBackground = useInBackground();
  return {
    permission,
    ask: () => inBackground('Asking to show notifications', askNotificationPermission().then(setPermission)),
  };
}

/** Shows a desktop notification when new notices arrive, if (and only if) the user has allowed them. */
export function useNoticeNotifications(): void {
  const arrival = useInbox((state) => state.arrival);
  const shown = useRef(0);
  useEffect(() => {
    if (!arrival || arrival.sequence <= shown.current) {
      return;
    }
    shown.current = arrival.sequence;
    if (readNotificationPermission() !== 'granted') {
      return;
    }
    const [first] = arrival.items;
    const title =
      arrival.items.length === 1 ? 'New notice from the court' : `${arrival.items.length} new notices from the court`;
    // The tag folds a burst of notices into one notification rather than a stack.
    new Notification(title, {
      body: first ? `${first.caseNumber}: ${first.shortDescription ?? first.subject}` : undefined,
      tag: 'ecf-desk-new-notices',
    });
  }, [arrival]);
}
