// A call's application form as the builder holds it, and back as PUT /admin/calls/{id}/form takes it
// (docs/API.md, "A call's form and jury"). Ids of questions, criteria and choices are keys in answers, scores and
// exports: the builder makes them from the first label in the call's original language, and keeps saved ones.

export const TYPES = ['short-text', 'long-text', 'email', 'url', 'single-choice', 'multiple-choice', 'date',
  'country', 'file', 'consent'];
export const CHOICE_TYPES = ['single-choice', 'multiple-choice'];
export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp'];
export const MB = 1024 * 1024; // the API counts its limits in binary units (20 MB is 20,971,520 bytes)
export const DEFAULT_FILE_BYTES = 20 * MB;
export const MAX_FIELDS = 50;
export const MAX_CRITERIA = 20;
export const MAX_CHOICES = 50;

/** The form as the API returned it (or none), as the builder edits it. */
export function fromApi(form) {
  return {
    fields: (form?.fields || []).map((field) => ({ ...field, label: { ...field.label }, help: { ...field.help },
      choices: (field.choices || []).map((choice) => ({ value: choice.value, label: { ...choice.label } })),
      fileTypes: [...(field.fileTypes || [])] })),
    criteria: (form?.criteria || []).map((criterion) => ({ ...criterion, name: { ...criterion.name } })),
    onePerEmail: form?.onePerEmail ?? true,
    maxTeamMembers: form?.maxTeamMembers ?? 0,
    blindReview: form?.blindReview ?? false,
    version: form?.version ?? null,
  };
}

const texts = (map) => Object.fromEntries(Object.entries(map || {}).filter(([, text]) => text && text.trim()));
const number = (value) => (value === null || value === undefined || value === '' || Number.isNaN(value) ? undefined
  : value);

/** What PUT takes: only the properties each type has, blank texts left out. Indexes match the builder's. */
export function toApi(state) {
  return {
    fields: state.fields.map((field) => {
      const out = { id: field.id, type: field.type, required: Boolean(field.required), label: texts(field.label) };
      const help = texts(field.help);
      if (Object.keys(help).length) out.help = help;
      if (field.type === 'long-text') {
        out.minWords = number(field.minWords);
        out.maxWords = number(field.maxWords);
      }
      if (CHOICE_TYPES.includes(field.type)) {
        out.choices = field.choices.map((choice) => ({ value: choice.value, label: texts(choice.label) }));
      }
      if (field.type === 'file') {
        out.fileTypes = FILE_TYPES.filter((type) => field.fileTypes.includes(type));
        out.maxFileBytes = number(field.maxFileBytes);
        out.maxFiles = number(field.maxFiles);
      }
      return out;
    }),
    criteria: state.criteria.map((criterion) => ({ id: criterion.id, name: texts(criterion.name),
      weight: number(criterion.weight), scale: number(criterion.scale) })),
    onePerEmail: Boolean(state.onePerEmail),
    maxTeamMembers: number(state.maxTeamMembers) ?? 0,
    blindReview: Boolean(state.blindReview),
  };
}

/** A key from a label: lower-case ASCII letters, digits and single hyphens, at most 40 characters. */
export function keyFrom(text, fallback) {
  const key = (text || '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .slice(0, 36).replace(/^-+|-+$/g, '');
  return key || fallback;
}

/** base, else base-2, base-3... so that no other entry of the list has it. */
export function uniqueKey(base, taken) {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
  }
}

export function newField(type, taken) {
  const field = { id: uniqueKey(`question-${taken.length + 1}`, taken), auto: true, type, required: false, label: {},
    help: {}, minWords: null, maxWords: null, choices: [], fileTypes: [], maxFileBytes: null, maxFiles: null };
  return withTypeDefaults(field);
}

/** A field whose type changed gets what that type needs to be valid (one choice, one file type). */
export function withTypeDefaults(field) {
  if (CHOICE_TYPES.includes(field.type) && !field.choices.length) field.choices.push(newChoice([]));
  if (field.type === 'file' && !field.fileTypes.length) {
    field.fileTypes = ['application/pdf'];
    field.maxFileBytes = field.maxFileBytes ?? DEFAULT_FILE_BYTES;
    field.maxFiles = field.maxFiles ?? 1;
  }
  return field;
}

export function newChoice(taken) {
  return { value: uniqueKey(`choice-${taken.length + 1}`, taken), auto: true, label: {} };
}

export function newCriterion(taken) {
  return { id: uniqueKey(`criterion-${taken.length + 1}`, taken), auto: true, name: {}, weight: 1, scale: 5 };
}

/** Moves list[index] by step (-1 up, +1 down); false when it cannot move further. */
export function move(list, index, step) {
  const target = index + step;
  if (target < 0 || target >= list.length) return false;
  [list[index], list[target]] = [list[target], list[index]];
  return true;
}
