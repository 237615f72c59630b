/**
 * The Markdown a link check needs: the links and images of a page (inline, reference definitions and
 * HTML `href`/`src`), its headings' anchors by GitHub's slug rules, and the check itself on any set of
 * files, so that it can be tested on pages held in memory.
 *
 * @module
 */
import { posix } from 'node:path';

/** One link or image target, with the line it starts on (1-based). */
export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
  readonly image: boolean;
}

/** The files a check sees, by repository-relative POSIX path. */
export interface FileView {
  /** The text of a file, or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** Whether a file or directory exists at the path. */
  exists(path: string): boolean;
}

/** Replaces every character but newlines in `s` by a space, so that offsets and line numbers stay. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/**
 * The text with fenced code blocks (``` or ~~~, closed by a fence at least as long) and inline code
 * spans blanked out: what they contain is neither a link nor a heading.
 */
export function withoutCode(text: string): string {
  const lines = text.split('\n');
  let fence: { char: string; length: number } | undefined;
  const out = lines.map((line) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (m === null) return line;
      fence = { char: m[1]![0]!, length: m[1]!.length };
      return blank(line);
    }
    if (m !== null && m[1]![0] === fence.char && m[1]!.length >= fence.length && line.trim() === m[1])
      fence = undefined;
    return blank(line);
  });
  // A code span: a run of n backticks, then content within one paragraph, then a run of exactly n.
  return out.join('\n').replace(/(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n)[\s\S])*?[^`])\1(?!`)/g, blank);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// [text](destination "title"): the text may hold one level of brackets and span lines; the destination
// is <...> or has no spaces (balanced parentheses allowed), as in CommonMark.
const INLINE =
  /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/g;
const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)/gm;
const HTML = /<(a|img)\b[^>]*?\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Every link and image target in a Markdown page, outside code, in order of appearance. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const text = withoutCode(markdown);
  const found: { offset: number; link: MarkdownLink }[] = [];
  const add = (offset: number, raw: string, image: boolean) => {
    const target = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw;
    found.push({ offset, link: { target, line: lineAt(text, offset), image } });
  };
  for (const m of text.matchAll(INLINE)) add(m.index, m[3]!, m[1] === '!');
  for (const m of text.matchAll(DEFINITION)) add(m.index, m[2]!, false);
  for (const m of text.matchAll(HTML)) add(m.index, m[2] ?? m[3]!, m[1]!.toLowerCase() === 'img');
  return found.sort((a, b) => a.offset - b.offset).map((f) => f.link);
}

/**
 * GitHub's anchor for a heading's text, the common subset of its rules: inline markup is dropped
 * (code backticks, `*`, emphasis underscores, HTML tags; a link or image keeps its text), the text is
 * lowercased, every character that is not a letter, mark, digit, connector (`_`), space or hyphen is
 * removed, and each space becomes a hyphen. `Adam's step (section 2.1)` is `adams-step-section-21`.
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The anchors of a page's ATX headings (`#` to `######`, outside code), in order; a repeated slug gets
 * `-1`, `-2`, ... as on GitHub.
 */
export function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const anchors: string[] = [];
  for (const line of withoutCode(markdown).split('\n')) {
    const m = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (m === null) continue;
    const slug = githubSlug(m[1] ?? '');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.push(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Whether a target leaves the repository by a scheme (`https:`, `mailto:`, ...) or a `//host` prefix. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/**
 * What is wrong with one relative target of the page at `from`, or undefined when it resolves: the
 * file (or directory) must exist inside the repository, and an anchor into a Markdown page must name
 * one of its headings. A target starting with `/` is taken from the repository's root, as GitHub does.
 */
export function linkProblem(files: FileView, from: string, target: string): string | undefined {
  const hash = target.indexOf('#');
  const rawPath = (hash < 0 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash < 0 ? undefined : target.slice(hash + 1);
  let path: string;
  try {
    path =
      rawPath === ''
        ? from
        : posix.normalize(
            rawPath.startsWith('/') ? rawPath.slice(1) : posix.join(posix.dirname(from), decodeURIComponent(rawPath)),
          );
  } catch {
    return `'${target}': not a valid URL path`;
  }
  path = path.replace(/\/$/, '') || '.';
  if (path === '..' || path.startsWith('../')) return `'${target}': points outside the repository (${path})`;
  if (!files.exists(path)) return `'${target}': no file ${path}`;
  if (anchor === undefined || anchor === '' || !path.endsWith('.md')) return undefined;
  const anchors = headingAnchors(files.read(path) ?? '');
  const wanted = decodeURIComponent(anchor).toLowerCase();
  if (!anchors.includes(wanted)) return `'${target}': ${path} has no heading with anchor #${wanted}`;
  return undefined;
}

/** Every relative link or image of the pages at `pages` that does not resolve, as `page:line: problem`. */
export function brokenLinks(files: FileView, pages: readonly string[]): string[] {
  return pages.flatMap((page) => {
    const text = files.read(page);
    if (text === undefined) return [`${page}: no such page`];
    return markdownLinks(text).flatMap(({ target, line }) => {
      if (isExternal(target)) return [];
      const problem = linkProblem(files, page, target);
      return problem === undefined ? [] : [`${page}:${line}: ${problem}`];
    });
  });
}

/** Every line of the given files that contains one of `needles`, as `path:line: text`. */
export function mentions(files: ReadonlyMap<string, string>, needles: readonly string[]): string[] {
  return [...files].flatMap(([path, text]) =>
    text
      .split('\n')
      .flatMap((line, i) => (needles.some((n) => line.includes(n)) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );
}
