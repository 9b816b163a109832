import { appendFile, readFile } from 'node:fs/promises';
import { ChainLink, chainLinkText, parseChainLink } from '@toc/event-store';

/** A link of the hash chain published outside the store, with the time it was published. */
export interface PublishedAnchor extends ChainLink {
  readonly publishedAt: string;
}

/** `position:hash at <ISO time>`: the part before " at" is what `verify --anchor` takes. */
export const anchorLine = (anchor: PublishedAnchor): string => `${chainLinkText(anchor)} at ${anchor.publishedAt}`;

const LINE = /^(\S+) at (\S+)$/;

const parseLine = (line: string): PublishedAnchor | null => {
  const match = LINE.exec(line.trim());
  const link = match && parseChainLink(match[1]);
  return link && !Number.isNaN(Date.parse(match[2])) ? { ...link, publishedAt: match[2] } : null;
};

/** The last anchor in the file, null while there is none; a line cut short by a crash is passed over. */
export const latestAnchor = async (file: string): Promise<PublishedAnchor | null> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const anchor = parseLine(lines[index]);
    if (anchor) return anchor;
  }
  return null;
};

export const appendAnchor = (file: string, anchor: PublishedAnchor): Promise<void> => appendFile(file, `${anchorLine(anchor)}\n`);
