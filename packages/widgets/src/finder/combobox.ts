import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the combobox asks of its element: the options shown now, and what choosing does. */
export interface ComboboxActions<Option> {
  /** The options for what is typed now (the last ones while the next search runs). */
  options(): readonly Option[];
  /** Enter on the active option. */
  choose(option: Option): void;
  /** Enter without an active option: look up what is typed. */
  submit(): void;
}

/**
 * The state and keys of an ARIA 1.2 combobox with list autocomplete, apart from how it looks:
 * what the input shows (`text`), what is searched (`query`: what was typed, empty once a place
 * is chosen), whether the list is open and which option is active.
 *
 * ArrowDown/ArrowUp move through the options (wrapping), Home/End jump to the first/last when the
 * list is open, Enter chooses the active option (else submits), Escape closes the list and a
 * second Escape clears the input.
 */
export class ComboboxController<Option> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #actions: ComboboxActions<Option>;
  text = '';
  query = '';
  #open = false;
  #active: number | undefined;

  constructor(host: ReactiveControllerHost, actions: ComboboxActions<Option>) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The list is open and has options. */
  get open(): boolean {
    return this.#open && this.#actions.options().length > 0;
  }

  /** The index of the active option, while the list is open. */
  get active(): number | undefined {
    return this.open ? this.#active : undefined;
  }

  /** Shows `text` in the input, searches nothing and closes the list (a place was chosen, or set). */
  show(text: string): void {
    this.#set(text, '', false);
  }

  /** Searches `query` without showing the list (a submitted name: its first option is taken). */
  search(query: string): void {
    this.#set(this.text, query, false);
  }

  close(): void {
    this.#set(this.text, this.query, false);
  }

  onInput = (event: Event): void => {
    const { value } = event.target as HTMLInputElement;
    this.#set(value, value, true);
  };

  onKeydown = (event: KeyboardEvent): void => {
    const options = this.#actions.options();
    const count = options.length;
    const open = this.open;
    const active = this.#active ?? -1;
    const move = (to: number) => this.#set(this.text, this.query, true, (to + count) % count);
    switch (event.key) {
      case 'ArrowDown':
        if (count) move(open ? active + 1 : 0);
        break;
      case 'ArrowUp':
        if (count) move(open && active >= 0 ? active - 1 : -1);
        break;
      case 'Home':
      case 'End':
        if (!open) return;
        move(event.key === 'Home' ? 0 : -1);
        break;
      case 'Enter':
        if (open && this.#active !== undefined) this.#actions.choose(options[this.#active] as Option);
        else this.#actions.submit();
        break;
      case 'Escape':
        if (open) this.close();
        else this.#set('', '', false);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  #set(text: string, query: string, open: boolean, active?: number): void {
    this.text = text;
    this.query = query;
    this.#open = open;
    this.#active = active;
    this.#host.requestUpdate();
  }
}
