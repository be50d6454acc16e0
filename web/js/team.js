// The application's team: the co-applicants besides the applicant, up to the form's maxTeamMembers, each with a
// name and, optionally, an email and a role. The API replaces the whole list on each save, so the section always
// hands back the whole list.
import { t } from './i18n.js';
import { el } from './dom.js';

export const teamControlId = (index, part) => `team-${index}-${part}`;

export class TeamSection {
  /** onChange() is called after every edit, addition or removal; read() gives the list to save. */
  constructor(max, members, onChange) {
    Object.assign(this, { max, onChange });
    this.members = (members || []).map((member) => ({ name: '', email: '', role: '', ...member }));
    this.list = el('ol', { class: 'team-members' });
    this.addButton = el('button', { type: 'button', class: 'secondary', id: 'team-add',
      onclick: () => this.add() }, t('team.add'));
    this.hint = el('p', { class: 'hint', id: 'team-hint' }, t('team.hint', { max }));
    this.block = el('fieldset', { class: 'team', id: 'team', 'aria-describedby': 'team-hint' },
      el('legend', {}, t('team.title')), this.hint, this.list, this.addButton);
    this.render();
  }

  render() {
    this.list.replaceChildren(...this.members.map((member, index) => this.row(member, index)));
    this.addButton.hidden = this.members.length >= this.max;
  }

  row(member, index) {
    const input = (part, attributes) => el('div', { class: 'field' },
      el('label', { for: teamControlId(index, part) }, t(`team.${part}`, { number: index + 1 })),
      el('input', { id: teamControlId(index, part), value: member[part] || '', 'data-team': part,
        'data-index': index, ...attributes }));
    return el('li', {},
      input('name', { autocomplete: 'off', maxlength: 200, required: true }),
      input('email', { type: 'email', autocomplete: 'off' }),
      input('role', { maxlength: 200 }),
      el('button', { type: 'button', class: 'link', onclick: () => this.remove(index) },
        t('team.remove', { number: index + 1, name: member.name || '' })));
  }

  add() {
    if (this.members.length >= this.max) return;
    this.members.push({ name: '', email: '', role: '' });
    this.render();
    document.getElementById(teamControlId(this.members.length - 1, 'name')).focus();
  }

  remove(index) {
    this.members.splice(index, 1);
    this.render();
    (this.list.querySelector('input') || this.addButton).focus();
    this.onChange();
  }

  /** An input of the section changed: keeps its value; true when the event was the team's. */
  changed(event) {
    const part = event.target.dataset?.team;
    if (!part) return false;
    this.members[Number(event.target.dataset.index)][part] = event.target.value;
    this.onChange();
    return true;
  }

  /** The list for the API: blank optional parts left out, wholly blank rows dropped. */
  read() {
    return this.members
      .map(({ name, email, role }) => ({ name: name.trim(), email: email.trim() || undefined, role: role.trim() || undefined }))
      .filter((member) => member.name || member.email || member.role);
  }

  /** Browser-side problems: a member without a name, or with a malformed email. */
  problems() {
    const found = [];
    this.members.forEach((member, index) => {
      if (!(member.name.trim() || member.email.trim() || member.role.trim())) return;
      if (!member.name.trim()) {
        found.push({ control: document.getElementById(teamControlId(index, 'name')), message: t('team.nameNeeded', { number: index + 1 }) });
      }
      const email = document.getElementById(teamControlId(index, 'email'));
      if (email && email.value && !email.validity.valid) {
        found.push({ control: email, message: t('team.emailInvalid', { number: index + 1 }) });
      }
    });
    return found;
  }

  /** The control the API named ("team", "team[1].email"), for its refusal. */
  controlFor(field) {
    const match = /^team\[(\d+)](?:\.(name|email|role))?$/.exec(field || '');
    if (match) return document.getElementById(teamControlId(Number(match[1]), match[2] || 'name'));
    return field === 'team' ? this.list.querySelector('input') || this.addButton : null;
  }
}
