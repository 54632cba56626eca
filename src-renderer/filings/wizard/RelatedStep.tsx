import { findDocketEvent } from '../../../src-main/shared/cit-event-catalog';
import type { Draft } from '../../../src-main/shared/filing';
import { docketTextPreview } from '../../../src-main/shared/filing-rules';
import { TextField } from '../../accounts/TextField';
import { useFilings } from '../../state/StoresProvider';
import { NumberChips } from './NumberChips';
import { useDebouncedText } from './use-debounced-text';
import { useInBackground } from '../../state/background';

/** Step 5: the docket entries the filing relates to, the words added to the docket text, and the docket text as it will read. */
export function RelatedStep({ draft }: { readonly draft: Draft }) {
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const [annotation, setAnnotation] = useDebouncedText(draft.docketAnnotation, (value) =>
    inBackground('Saving the filing', update({ docketAnnotation: value })),
  );
  const event = draft.eventId === null ? undefined : findDocketEvent(draft.eventId);
  const preview = docketTextPreview({ ...draft, docketAnnotation: annotation });

  return (
    <div className="wizard-step">
      {event?.requires.relatedDocument ? (
        <NumberChips
          label="Related document numbers"
          hint={`A ${event.name} links to the docket entry it relates to. Type its document number from the docket and press Enter.`}
          numbers={draft.relatedDocumentNumbers}
          onChange={(numbers) => inBackground('Saving the filing', update({ relatedDocumentNumbers: numbers }))}
        />
      ) : (
        <p className="wizard-step__muted">
          {event
            ? `A ${event.name} does not link to an earlier docket entry.`
            : 'Choose the event first; some events link to an earlier docket entry.'}
        </p>
      )}
      <TextField
        label="Words added to the docket text (optional)"
        hint="CM/ECF adds them after the event's own words, for example “of time to file the answer”."
        data-testid="docket-annotation"
        maxLength={500}
        value={annotation}
        onChange={(change) => setAnnotation(change.target.value)}
      />
      <div className="docket-preview-box">
        <h4 className="wizard-step__group-title">The docket text will read</h4>
        {preview === null ? (
          <p className="docket-preview docket-preview--empty" data-testid="docket-preview">
            The docket text appears once the event and the filing parties are chosen.
          </p>
        ) : (
          <p className="docket-preview" data-testid="docket-preview">
            {preview}
          </p>
        )}
        <p className="field__hint">The court adds the filing attorney&apos;s name.</p>
        {draft.case === null && draft.newAction !== null && (
          <p className="field__hint" data-testid="docket-preview-new-action">
            New action: {draft.newAction.caption.trim() || 'caption not entered yet'}. The court gives the case its
            number when the summons is filed, and this is its first entry.
          </p>
        )}
      </div>
    </div>
  );
}
