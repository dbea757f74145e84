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
    options: () => options,
    choose: (option) => chosen.push(option),
    submit: () => submitted++,
  });
  const press = (key: string) => {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    combobox.onKeydown(event);
    return event.defaultPrevented;
  };
  const type = (value: string) => combobox.onInput({ target: { value } } as unknown as Event);
  return { host, combobox, press, type, chosen, submitted: () => submitted };
}

describe('ComboboxController', () => {
  it('typing searches what is typed, opens the list and asks the host to render', () => {
    const { host, combobox, type } = setup();
    type('E');
    expect(combobox.text).to.equal('E');
    expect(combobox.query).to.equal('E');
    expect(combobox.open).to.equal(true);
    expect(combobox.active).to.equal(undefined);
    expect(host.updates).to.equal(1);
  });

  it('arrows move through the options and wrap; Home and End jump while the list is open', () => {
    const { combobox, press, type } = setup();
    type('E');
    press('ArrowDown');
    expect(combobox.active).to.equal(0);
    press('ArrowUp');
    expect(combobox.active, 'wraps to the last').to.equal(2);
    press('ArrowDown');
    expect(combobox.active, 'wraps to the first').to.equal(0);
    press('End');
    expect(combobox.active).to.equal(2);
    press('Home');
    expect(combobox.active).to.equal(0);
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
    expect(combobox.open).to.equal(false);
    expect(combobox.text).to.equal('Ev');
    press('Escape');
    expect(combobox.text).to.equal('');
    expect(combobox.query).to.equal('');
    expect(press('a')).to.equal(false);
    expect(press('Home'), 'Home moves the caret while the list is closed').to.equal(false);
  });

  it('showing a chosen place searches nothing and closes the list', () => {
    const { combobox, type } = setup();
    type('Els');
    combobox.show('Elsene');
    expect(combobox.text).to.equal('Elsene');
    expect(combobox.query).to.equal('');
    expect(combobox.open).to.equal(false);
  });

  it('has no list to open without options', () => {
    const { combobox, press, type } = setup([]);
    type('xyz');
    expect(combobox.open).to.equal(false);
    press('ArrowDown');
    expect(combobox.active).to.equal(undefined);
  });
});
