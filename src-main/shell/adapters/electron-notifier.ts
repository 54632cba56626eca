import { Notification } from 'electron';
import type { DesktopNotifier } from '../../core/ports';

/** New notices as the operating system's own notifications (the window's web notifications stay denied). */
export function createElectronNotifier(): DesktopNotifier {
  return {
    notify(title, body) {
      if (Notification.isSupported()) {
        new Notification({ title, body, silent: false }).show();
      }
    },
  };
}
