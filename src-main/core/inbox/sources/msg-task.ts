import { isolatedTask } from '../../isolation/isolated-tasks';
import { MailFileError } from './mail-file-error';
import { msgToRfc822 } from './msg-to-rfc822';

/** In a child process: an Outlook .msg in, the RFC 822 message it came from (or why it cannot be read) out. */
export default isolatedTask('msg', {
  run: async (bytes) => {
    try {
      const message = msgToRfc822(bytes);
      return {
        kind: 'message',
        raw: new Uint8Array(message.raw),
        deliveredAt: message.deliveredAt?.toISOString() ?? null,
      };
    } catch (error) {
      if (error instanceof MailFileError) {
        return { kind: 'refused', code: error.code, message: error.message };
      }
      throw error;
    }
  },
});
