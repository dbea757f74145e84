import type { ReactiveControllerHost } from 'lit';

/** What the combobox asks of its element: the options shown now, and what choosing does. */
export interface ComboboxActions<Option> {
  /** The options for what is typed now (the last ones while the next search runs). */
  listOptions(): readonly Option[];
  /** Enter on the active option. */
  chooseOption(option: Option): void;
  /** Enter without an active option: look up what is typed. */
  submitText(): void;
}

/**
 * The state and keys of an ARIA 1.2 combobox with list autocomplete, apart from how it looks:
 * what the input shows (`inputText`), what is searched (`searchText`: what was typed, empty once a place
 * is chosen), whether the list is open and which option is active.
 *
 * ArrowDown/ArrowUp move through the options (wrapping), Home/End jump to the first/last when the
 * list is open, Enter chooses the active option (else submits), Escape closes the list and a
 * second Escape clears the input. It has no lifecycle of its own (so it is not added to the host):
 * it asks the host to render after each change.
 */
export class ComboboxController<Option> {
  readonly #host: ReactiveControllerHost;
  readonly #actions: ComboboxActions<Option>;
  inputText = '';
  searchText = '';
  #open = false;
  #active: number | undefined;

  constructor(host: ReactiveControllerHost, actions: ComboboxActions<Option>) {
    this.#host = host;
    this.#actions = actions;
  }

  /** The list is open and has options. */
  get listOpen(): boolean {
    return this.#open && this.#actions.listOptions().length > 0;
  }

  /** The index of the active option, while the list is open. */
  get activeOption(): number | undefined {
    return this.listOpen ? this.#active : undefined;
  }

  /** Shows `text` in the input, searches nothing and closes the list (a place was chosen, or set). */
  showChosen(text: string): void {
    this.#set(text, '', false);
  }

  /** Searches `query` without showing the list (a submitted name: its first option is taken). */
  searchFor(query: string): void {
    this.#set(this.inputText, query, false);
  }

  closeList(): void {
    this.#set(this.inputText, this.searchText, false);
  }

  handleInput = (event: Event): void => {
    const { value } = event.target as HTMLInputElement;
    this.#set(value, value, true);
  };

  handleKeydown = (event: KeyboardEvent): void => {
    const options = this.#actions.listOptions();
    const count = options.length;
    const open = this.listOpen;
    const active = this.#active ?? -1;
    const move = (to: number) => this.#set(this.inputText, this.searchText, true, (to + count) % count);
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
        if (open && this.#active !== undefined) this.#actions.chooseOption(options[this.#active] as Option);
        else this.#actions.submitText();
        break;
      case 'Escape':
        if (open) this.closeList();
        else this.#set('', '', false);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  #set(text: string, query: string, open: boolean, active?: number): void {
    this.inputText = text;
    this.searchText = query;
    this.#open = open;
    this.#active = active;
    this.#host.requestUpdate();
  }
}
