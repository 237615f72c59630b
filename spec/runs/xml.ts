/**
 * A small XML parser for the JUnit spec: the declaration, elements with double-quoted attributes,
 * self-closing tags, and text with the five predefined entities. It throws on what is not
 * well-formed (an unclosed or mismatched tag, a stray `<` or `&`, a duplicate attribute, text or a
 * second element outside the root).
 */

/** An element: its name, attributes, child elements and text (entities decoded). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.includes('<')) throw new Error(`a stray '<' in ${JSON.stringify(s)}`);
  return s.replace(/&([a-z]+);|&/g, (all, name: string | undefined) => {
    const v = name === undefined ? undefined : ENTITIES[name];
    if (v === undefined) throw new Error(`a stray or unknown entity ${all}`);
    return v;
  });
}

/** Parses `xml` into its root element. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    const text = body.slice(at, m.index);
    const top = stack.at(-1);
    if (top === undefined) {
      if (text.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(text)}`);
    } else top.text += decode(text);
    at = m.index + m[0].length;
    const [, closing, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing === '/') {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of attrs.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`);
      attributes[a[1]!] = decode(a[2]!);
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (top !== undefined) top.children.push(element);
    else if (root !== undefined) throw new Error('a second root element');
    else root = element;
    if (selfClosing !== '/') stack.push(element);
  }
  if (body.slice(at).trim() !== '') throw new Error(`text after the root: ${JSON.stringify(body.slice(at))}`);
  if (stack.length > 0 || root === undefined) throw new Error(`unclosed <${stack.at(-1)?.name ?? 'root'}>`);
  return root;
}
