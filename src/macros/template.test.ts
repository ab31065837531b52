import { describe, expect, it } from 'vitest';
import { addressForm, buildSalutation } from '../culture/index.js';
import { placeholdersIn, renderBody, unknownPlaceholders } from './template.js';

describe('placeholders', () => {
  it('finds known and unknown ones, spaces allowed', () => {
    const body = 'Hi {{ contact.name }}, re {{ticket.number}} — {{contact.email}} {{agent.name}} {{ticket.number}}';
    expect(placeholdersIn(body)).toEqual(['contact.name', 'ticket.number', 'contact.email', 'agent.name']);
    expect(unknownPlaceholders(body)).toEqual(['contact.email']);
    expect(unknownPlaceholders('no placeholders, {single} braces')).toEqual([]);
  });
  it('fills values and leaves what it lacks visible, reporting it', () => {
    expect(renderBody('{{contact.name}}: {{ticket.number}} by {{promise.due}}', { 'contact.name': '田中様', 'ticket.number': '#42' })).toEqual({
      text: '田中様: #42 by {{promise.due}}', missing: ['promise.due'],
    });
  });
});

describe('contact.name in the form the culture uses', () => {
  const yuki = { givenName: 'Yuki', surname: 'Tanaka' };
  it('Japanese: family name and 様', () => {
    expect(addressForm(buildSalutation('ja', 'honorific'), { givenName: '優希', surname: '田中' })).toBe('田中様');
    expect(addressForm(buildSalutation('ja', 'informal'), { givenName: '優希', surname: '田中' })).toBe('田中さん');
  });
  it('Polish formal: Pani / Panie / Państwo, with a title', () => {
    const pl = buildSalutation('pl', 'formal');
    expect(addressForm(pl, { givenName: 'Anna', surname: 'Nowak', gender: 'female' })).toBe('Pani');
    expect(addressForm(pl, { givenName: 'Jan', surname: 'Nowak', gender: 'male' })).toBe('Panie');
    expect(addressForm(pl, { givenName: 'Jan', surname: 'Nowak', gender: 'male', title: 'dr' })).toBe('Panie Doktorze');
    expect(addressForm(pl, { givenName: 'Jan', surname: 'Nowak' })).toBe('Państwo');
  });
  it('English, German and Hebrew drop the greeting word', () => {
    expect(addressForm(buildSalutation('en', 'formal'), { ...yuki, gender: 'female' })).toBe('Ms Tanaka');
    expect(addressForm(buildSalutation('en', 'informal'), yuki)).toBe('Yuki');
    expect(addressForm(buildSalutation('de', 'formal'), { givenName: 'Katrin', surname: 'Weber', gender: 'female', title: 'dr' })).toBe('Frau Dr. Weber');
    expect(addressForm(buildSalutation('he', 'formal'), { givenName: 'נועה', surname: 'כהן', gender: 'female' })).toBe('גב׳ כהן');
  });
});
