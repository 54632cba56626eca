import type { HelpContact } from '../../src-main/shared/court-help';
import { CopyButton } from '../components/CopyButton';
import { describeClerksOfficeOpen, describeOfficeHours } from './office-hours';

/** An office to call or write to, with its hours on the office's clock and on the reader's. */
export interface ContactCardProps {
  readonly contact: HelpContact;
  /** The day whose hours are shown on the reader's clock (daylight saving differs between places). */
  readonly now: Date;
  /** The reader's time zone, such as 'America/Los_Angeles'. */
  readonly localTimeZone: string;
}

/** Who to contact: name, phone, email and web site as plain text with Copy buttons (the app opens no links), then the hours. */
export function ContactCard({ contact, now, localTimeZone }: ContactCardProps) {
  const hours = describeOfficeHours(contact, now, localTimeZone);
  const open = contact.keepsClerksOfficeDays ? describeClerksOfficeOpen(now) : null;
  const copyable: readonly { readonly label: string; readonly value: string }[] = [
    { label: 'Phone', value: contact.phone },
    { label: 'Email', value: contact.email },
    ...(contact.website ? [{ label: 'Web site', value: contact.website }] : []),
  ];
  return (
    <section className="help-contact" data-testid="help-contact" aria-label={`Contact: ${contact.name}`}>
      <h3 className="help-contact__name">{contact.name}</h3>
      <dl className="help-contact__facts">
        {copyable.map(({ label, value }) => (
          <div key={label} className="help-contact__fact">
            <dt>{label}</dt>
            <dd>
              <span className="help-contact__value">{value}</span>
              <CopyButton
                value={value}
                description={`${label.toLowerCase()}: ${value}`}
                unavailableHint="The clipboard is not available. Select the text and copy it yourself."
              />
            </dd>
          </div>
        ))}
        <div className="help-contact__fact">
          <dt>Hours</dt>
          <dd className="help-contact__hours" data-testid="help-contact-hours">
            <span>{hours.office}</span>
            {hours.local && <span className="help-contact__local">{hours.local}</span>}
            {open && (
              <span
                className={`help-contact__open help-contact__open--${open.isOpen ? 'open' : 'closed'}`}
                data-testid="help-contact-open"
              >
                {open.text}
              </span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
