import type { PageField, PageForm } from '../html/read-page-outline';

/** A file given to a form's file field. */
export interface FormFile {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly type: string;
}

interface Slot {
  readonly field: PageField;
  readonly initial: readonly string[];
  values: (string | FormFile)[];
}

/** One control a fill changed, as a person reads it: its label (or name) and what it now holds. */
export interface FilledField {
  readonly field: string;
  readonly value: string;
}

/** The controls that send nothing unless they are the one pressed, or that never send anything. */
const sendsNothing = new Set(['submit', 'button', 'reset', 'image', 'file']);

/** What a control sends before anyone touches it, as a browser fills a form from its markup. */
function initialValues(field: PageField, pressed: string): string[] {
  if (field.name === '') {
    return [];
  }
  if (field.element === 'select') {
    return field.options.filter((option) => option.isSelected).map((option) => option.value);
  }
  if (field.type === 'checkbox' || field.type === 'radio') {
    return field.isChecked ? [field.value || 'on'] : [];
  }
  if (field.element === 'button' || sendsNothing.has(field.type)) {
    return field.name === pressed ? [field.value] : [];
  }
  return [field.value];
}

/**
 * A form as a person fills it in: it starts with what the page shows (hidden values, choices already made, the Next
 * button pressed), and each change must name a control the form has and a choice it offers. A change that cannot be
 * made answers false: the page does not ask what the filing means to give it.
 */
export class FormFill {
  private readonly slots: Slot[];

  constructor(
    readonly form: PageForm,
    pressed: string,
  ) {
    this.slots = form.fields.map((field) => {
      const initial = initialValues(field, pressed);
      return { field, initial, values: [...initial] };
    });
  }

  private named(name: string): Slot[] {
    return this.slots.filter((slot) => slot.field.name === name);
  }

  /** Whether the form has a control of this name. */
  has(name: string): boolean {
    return this.named(name).length > 0;
  }

  /** The controls of this name, in order. */
  fields(name: string): PageField[] {
    return this.named(name).map((slot) => slot.field);
  }

  /** Types into the `nth` text-like control of this name (a hidden value is set the same way). */
  type(name: string, value: string, nth = 0): boolean {
    const slot = this.named(name).filter(
      (candidate) =>
        candidate.field.element === 'textarea' ||
        (candidate.field.element === 'input' &&
          !['checkbox', 'radio', 'file'].includes(candidate.field.type) &&
          !sendsNothing.has(candidate.field.type)),
    )[nth];
    if (!slot) {
      return false;
    }
    slot.values = [value];
    return true;
  }

  /**
   * Makes exactly these choices among the control's offers (a select's options, or the checkboxes or radio buttons
   * of this name); false, changing nothing, when one is not offered.
   */
  choose(name: string, values: readonly string[]): boolean {
    const slots = this.named(name);
    const select = slots.find((slot) => slot.field.element === 'select');
    if (select) {
      const offered = new Set(select.field.options.map((option) => option.value));
      if (slots.length !== 1 || values.some((value) => !offered.has(value))) {
        return false;
      }
      select.values = [...values];
      return true;
    }
    const boxes = slots.filter((slot) => slot.field.type === 'checkbox' || slot.field.type === 'radio');
    if (boxes.length === 0 || values.some((value) => !boxes.some((slot) => (slot.field.value || 'on') === value))) {
      return false;
    }
    for (const slot of boxes) {
      const value = slot.field.value || 'on';
      slot.values = values.includes(value) ? [value] : [];
    }
    return true;
  }

  /** Attaches a file to the `nth` file control of this name. */
  attach(name: string, file: FormFile, nth = 0): boolean {
    const slot = this.named(name).filter((candidate) => candidate.field.type === 'file')[nth];
    if (!slot) {
      return false;
    }
    slot.values = [file];
    return true;
  }

  /**
   * The controls this fill changed from what the page showed, in the form's order, as a person reads them: a choice by
   * its words, a file by its name, a ticked box by its label; at most `limit`.
   */
  changes(limit = 60): FilledField[] {
    const changed: FilledField[] = [];
    for (const slot of this.slots) {
      // A file is never what the page showed (a file control starts empty).
      const isAsShown =
        slot.values.length === slot.initial.length &&
        slot.values.every((value, index) => value === slot.initial[index]);
      if (isAsShown) {
        continue;
      }
      const words = slot.values.map((value) => {
        if (typeof value !== 'string') {
          return value.filename;
        }
        if (slot.field.type === 'checkbox' || slot.field.type === 'radio') {
          return slot.field.label || value;
        }
        return slot.field.options.find((option) => option.value === value)?.text ?? value;
      });
      changed.push({
        field: (slot.field.label || slot.field.name).slice(0, 200),
        value: (words.join('; ') || '(cleared)').slice(0, 300),
      });
      if (changed.length >= limit) {
        break;
      }
    }
    return changed;
  }

  /** The form's body, in the order of its controls, as a browser sends a `multipart/form-data` form. */
  toFormData(): FormData {
    const body = new FormData();
    for (const slot of this.slots) {
      for (const value of slot.values) {
        if (typeof value === 'string') {
          body.append(slot.field.name, value);
        } else {
          body.append(slot.field.name, new Blob([new Uint8Array(value.bytes)], { type: value.type }), value.filename);
        }
      }
    }
    return body;
  }

  /** The form's text values, as a browser sends an `application/x-www-form-urlencoded` form (files are not sent). */
  toSearchParams(): URLSearchParams {
    const body = new URLSearchParams();
    for (const slot of this.slots) {
      for (const value of slot.values) {
        if (typeof value === 'string') {
          body.append(slot.field.name, value);
        }
      }
    }
    return body;
  }
}
