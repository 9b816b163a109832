/** Stream names are `<category>-<id>`; the category names the aggregate. */
export const streamCategories = [
  'association',
  'staff',
  'resource',
  'analysis',
  'course',
  'workshop',
  'seminar',
  'network',
  'respondent',
  'forum',
  'evaluation',
] as const;

export type StreamCategory = (typeof streamCategories)[number];

/** Ids are pseudonymous keys (a UUID fits); every entry point checks ids against this one pattern. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** What ID_PATTERN allows, in words, for refusals. */
export const ID_FORMAT = '1-100 letters, digits or _ . : - starting with a letter or digit';

export const isValidId = (id: string): boolean => ID_PATTERN.test(id);

export const streamName = (category: StreamCategory, id: string): string => {
  if (!isValidId(id)) throw new Error(`invalid id "${id}": must be ${ID_FORMAT}`);
  return `${category}-${id}`;
};

export const parseStreamName = (stream: string): { category: StreamCategory; id: string } | null => {
  const dash = stream.indexOf('-');
  if (dash < 0) return null;
  const category = stream.slice(0, dash) as StreamCategory;
  const id = stream.slice(dash + 1);
  return streamCategories.includes(category) && isValidId(id) ? { category, id } : null;
};
