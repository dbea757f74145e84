// The combobox's state and keys without an element: a host that counts its updates.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ComboboxController } from './combobox.js';

function setup(options: string[] = ['Elsene', 'Etterbeek', 'Evere']) {
  const chosen: string[] = [];
  let submitted = 0;
  const host = {
    updates: 0,
    addController: (_controller: ReactiveController) => {},
    removeController: () => {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  } satisfies ReactiveControllerHost & { updates: number };
  const combobox = new ComboboxController<string>(host, {
    listOptions: () => options,
    chooseOption: (option) => chosen.push(option),
    submitText: () => submitted++,
  });
  const press = (key: string) => {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    combobox.handleKeydown(event);
    return event.defaultPrevented;
  };
  const type = (value: string) => combobox.handleInput({ target: { value } } as unknown as Event);
  return { host, combobox, press, type, chosen, submitted: () => submitted };
}

describe('ComboboxController', () => {
  it('typing searches what is typed, opens the list and asks the host to render', () => {
    const { host, combobox, type } = setup();
    type('E');
    expect(combobox.inputText).to.equal('E');
    expect(combobox.searchText).to.equal('E');
    expect(combobox.listOpen).to.equal(true);
    expect(combobox.activeOption).to.equal(undefined);
    expect(host.updates).to.equal(1);
  });

  it('arrows move through the options and wrap; Home and End jump while the list is open', () => {
    const { combobox, press, type } = setup();
    type('E');
    press('ArrowDown');
    expect(combobox.activeOption).to.equal(0);
    press('ArrowUp');
    expect(combobox.activeOption, 'wraps to the last').to.equal(2);
    press('ArrowDown');
    expect(combobox.activeOption, 'wraps to the first').to.equal(0);
    press('End');
    expect(combobox.activeOption).to.equal(2);
    press('Home');
    expect(combobox.activeOption).to.equal(0);
  });

  it('Enter chooses the active option, else submits', () => {
    const { press, type, chosen, submitted } = setup();
    type('E');
    press('Enter');
    expect(submitted()).to.equal(1);
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    expect(chosen).to.deep.equal(['Etterbeek']);
  });

  it('Escape closes the list, a second Escape clears the input; other keys are left to the input', () => {
    const { combobox, press, type } = setup();
    type('Ev');
    expect(press('Escape')).to.equal(true);
    expect(combobox.listOpen).to.equal(false);
    expect(combobox.inputText).to.equal('Ev');
    press('Escape');
    expect(combobox.inputText).to.equal('');
    expect(combobox.searchText).to.equal('');
    expect(press('a')).to.equal(false);
    expect(press('Home'), 'Home moves the caret while the list is closed').to.equal(false);
  });

  it('showing a chosen place searches nothing and closes the list', () => {
    const { combobox, type } = setup();
    type('Els');
    combobox.showChosen('Elsene');
    expect(combobox.inputText).to.equal('Elsene');
    expect(combobox.searchText).to.equal('');
    expect(combobox.listOpen).to.equal(false);
  });

  it('has no list to open without options', () => {
    const { combobox, press, type } = setup([]);
    type('xyz');
    expect(combobox.listOpen).to.equal(false);
    press('ArrowDown');
    expect(combobox.activeOption).to.equal(undefined);
  });
});
