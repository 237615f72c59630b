import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  brokenLinks,
  githubSlug,
  headingAnchors,
  isExternal,
  markdownLinks,
  mentions,
  type FileView,
} from './markdown-links.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Built from parts, so that this file does not mention what it looks for.
const OUTSIDE = [['..', 'shared'].join('/'), ['shared', 'docs'].join('/')];

/** Repository-relative POSIX paths of the files under `dir` (none when it is absent), skipping node_modules. */
function filesUnder(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [dir];
  return readdirSync(abs, { withFileTypes: true }).flatMap((d) =>
    d.name === 'node_modules' ? [] : filesUnder(`${dir}/${d.name}`),
  );
}

const disk: FileView = {
  read: (path) => {
    const abs = join(root, path);
    return existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
  },
  exists: (path) => existsSync(join(root, path)),
};

/** A file view of pages held in memory; directories are the prefixes of their paths. */
function memory(pages: Record<string, string>): FileView {
  const paths = Object.keys(pages);
  return { read: (p) => pages[p], exists: (p) => p in pages || p === '.' || paths.some((q) => q.startsWith(`${p}/`)) };
}

describe('githubSlug: GitHub heading anchors', () => {
  it.each([
    ['What the oracle guarantees', 'what-the-oracle-guarantees'],
    ["Adam's step size (Kingma & Ba 2015, section 2.1)", 'adams-step-size-kingma--ba-2015-section-21'],
    ['Bias correction (`src/claims/bias-correction.ts`)', 'bias-correction-srcclaimsbias-correctionts'],
    ['NAG (look-ahead form)', 'nag-look-ahead-form'],
    ['The **oracle** and _its_ [limits](x.md)', 'the-oracle-and-its-limits'],
    ['snake_case names', 'snake_case-names'],
    ['Über Größe: α, β1 and √', 'über-größe-α-β1-and-'],
    ['  Trailing spaces  ', 'trailing-spaces'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings -1, -2 and ignores # lines in code', () => {
    const page = [
      '# Title',
      '## Findings',
      '```sh',
      '# not a heading',
      '```',
      '## Findings',
      '### Findings ###',
      '#NoSpace',
    ].join('\n');
    expect(headingAnchors(page)).toEqual(['title', 'findings', 'findings-1', 'findings-2']);
  });
});

describe('markdownLinks', () => {
  it('finds inline links, images, links spanning lines, reference definitions and HTML targets, not code', () => {
    const page = [
      'See [the docs](docs/a.md#part "title") and ![a plot](img/p.png).',
      'A [link over',
      'two lines](#local) and <img src="b.png"> and <a href=\'c.md\'>c</a>.',
      '`[not](code.md)` and E[g](1 − β) is not a link.',
      '```',
      '[not](fenced.md)',
      '```',
      '[ref]: <d e.md>',
    ].join('\n');
    expect(markdownLinks(page)).toEqual([
      { target: 'docs/a.md#part', line: 1, image: false },
      { target: 'img/p.png', line: 1, image: true },
      { target: '#local', line: 2, image: false },
      { target: 'b.png', line: 3, image: true },
      { target: 'c.md', line: 3, image: false },
      { target: 'd e.md', line: 8, image: false },
    ]);
  });

  it('tells external targets from relative ones', () => {
    expect(['https://x.org', 'http://x', 'mailto:a@b.c', '//cdn.x/y'].every(isExternal)).toBe(true);
    expect(['docs/a.md', '#x', '../a.md', 'a.md#b:c'].some(isExternal)).toBe(false);
  });
});

describe('brokenLinks on pages in memory', () => {
  const pages = {
    'README.md': '# Top\n## Set up\n[ok](docs/a.md#the-part) [ok](#set-up) [ok](docs) [ok](https://gone.example/x)',
    'docs/a.md': '# A\n## The part\n[up](../README.md#top) [image](img/p.png)',
    'docs/img/p.png': 'png',
  };

  it('passes when every target resolves', () => {
    expect(brokenLinks(memory(pages), ['README.md', 'docs/a.md'])).toEqual([]);
  });

  it('fails on a missing file, a missing anchor, a missing image and a target outside the repository', () => {
    const broken = {
      ...pages,
      'docs/b.md': [
        '[gone](missing.md)',
        '[anchor](a.md#no-such-part)',
        '![img](img/q.png)',
        `[out](../${OUTSIDE[0]}/docs/x.md)`,
        '[self](#nowhere)',
      ].join('\n'),
    };
    expect(brokenLinks(memory(broken), ['docs/b.md'])).toEqual([
      "docs/b.md:1: 'missing.md': no file docs/missing.md",
      "docs/b.md:2: 'a.md#no-such-part': docs/a.md has no heading with anchor #no-such-part",
      "docs/b.md:3: 'img/q.png': no file docs/img/q.png",
      `docs/b.md:4: '../${OUTSIDE[0]}/docs/x.md': points outside the repository (${OUTSIDE[0]}/docs/x.md)`,
      "docs/b.md:5: '#nowhere': docs/b.md has no heading with anchor #nowhere",
    ]);
  });

  it('reports a page that does not exist', () => {
    expect(brokenLinks(memory(pages), ['docs/none.md'])).toEqual(['docs/none.md: no such page']);
  });
});

describe('the repository', () => {
  const pages = ['README.md', 'CONTRIBUTING.md', ...filesUnder('docs'), ...filesUnder('fixtures')].filter((p) =>
    p.endsWith('.md'),
  );

  it('checks README.md and the docs, and finds links in them', () => {
    expect(pages).toContain('README.md');
    expect(pages).toContain('docs/update-rules.md');
    const links = pages.flatMap((p) => markdownLinks(disk.read(p)!).filter((l) => !isExternal(l.target)));
    expect(links.length).toBeGreaterThan(10);
  });

  it('has no broken relative link or image in README.md, docs/ or fixtures/', () => {
    expect(brokenLinks(disk, pages)).toEqual([]);
  });

  it(`mentions no file outside the repository (${OUTSIDE.join(', ')})`, () => {
    const dirs = ['core', 'src', 'oracle', 'spec', 'docs', 'README.md', 'CONTRIBUTING.md', 'examples', 'bench'];
    const files = new Map(dirs.flatMap(filesUnder).map((p) => [p, readFileSync(join(root, p), 'utf8')] as const));
    expect(files.size).toBeGreaterThan(50);
    expect(files.has('spec/docs/links.spec.ts')).toBe(true);
    expect(mentions(files, OUTSIDE)).toEqual([]);
  });

  it('mentions() finds such a reference', () => {
    const files = new Map([
      ['a.ts', `ok\n// see ${OUTSIDE[0]}/x`],
      ['b.md', `see ${OUTSIDE[1]}/y`],
    ]);
    expect(mentions(files, OUTSIDE)).toEqual([`a.ts:2: // see ${OUTSIDE[0]}/x`, `b.md:1: see ${OUTSIDE[1]}/y`]);
  });
});
