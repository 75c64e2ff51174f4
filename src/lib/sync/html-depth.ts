/**
 * How deeply HTML nests once a browser has parsed it, estimated from its tags alone: one pass,
 * no recursion, no tree, so a body can be refused before any recursive parser, sanitiser or
 * serialiser sees it. The estimate never falls below the parsed depth, and for well-formed HTML
 * (what the sync itself writes) it is exact, unless attribute values hold `<name`.
 *
 * HTML's error recovery closes elements in many ways, and guessing one wrong would let a later
 * tag close real elements on the way to one that is no longer open. So the model only closes
 * what a browser closes in every case: the element on top of the stack, by its end tag or by a
 * sibling's start tag (`<li>` after an open `<li>`, `<p>` after `<p>`…). Anything else an end
 * tag might close stays open here, so misnested or unclosed markup can only raise the estimate.
 *
 * - rows and cells outside their usual parents count the `tbody` and `tr` the parser inserts;
 * - void elements (`br`, `img`…) add nothing, except inside svg or math, where they hold content;
 * - a `<name` counts as a start tag even inside a comment, an attribute value or a `script`,
 *   as the parser may yet read it as one (see TagDepth).
 *
 * Depth counts open elements: a void element or an empty one at the deepest level is one more.
 */

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Void elements that end svg or math content; inside those, any other name holds content. */
const BREAKS_OUT = new Set(['br', 'embed', 'hr', 'img', 'meta']);
/** A start tag that closes an open sibling of these names when it is on top. */
const CLOSES: Record<string, readonly string[]> = {
  li: ['li'],
  dd: ['dd', 'dt'],
  dt: ['dd', 'dt'],
  p: ['p'],
  option: ['option'],
  optgroup: ['option'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  tr: ['tr'],
};
/** Table sections: a row directly inside one gets no `tbody` from the parser, a cell still a row. */
const SECTIONS = new Set(['tbody', 'tfoot', 'thead']);

/**
 * Levels an element adds: rows and cells outside their usual parents get the `tbody` and `tr`
 * the parser inserts, wherever it may (a cell after a `colgroup` or `caption` gets both).
 */
function levels(name: string, parent: string): number {
  if (name === 'tr') return SECTIONS.has(parent) ? 1 : 2;
  if (name === 'td' || name === 'th') return parent === 'tr' ? 1 : SECTIONS.has(parent) ? 2 : 3;
  return 1;
}

/** The open elements, how many of each name, and the depth so far. */
class OpenElements {
  private readonly names: string[] = [];
  private readonly depths: number[] = [];
  private readonly counts = new Map<string, number>();
  depth = 0;
  maxDepth = 0;

  open(name: string): void {
    // In svg and math, elements follow XML's rules: only the void elements that break out of
    // them stay empty, and no start tag closes a sibling.
    const foreign = this.has('svg') || this.has('math');
    // A `col` outside a `colgroup` gets one from the parser, which then stays open.
    if (name === 'col' && !foreign && this.names.at(-1) !== 'colgroup') this.push('colgroup');
    if (VOID.has(name) && (BREAKS_OUT.has(name) || !foreign)) return;
    if (!foreign && CLOSES[name]?.includes(this.names.at(-1) ?? '')) this.pop();
    this.push(name);
  }

  close(name: string): void {
    if (this.names.at(-1) === name) this.pop();
  }

  /** Whether an element of this name is open anywhere. */
  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  private push(name: string): void {
    this.depth += levels(name, this.names.at(-1) ?? '');
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.depths.push(this.depth);
    this.maxDepth = Math.max(this.maxDepth, this.depth);
  }

  private pop(): void {
    const name = this.names.pop()!;
    this.counts.set(name, this.counts.get(name)! - 1);
    this.depths.pop();
    this.depth = this.depths.at(-1) ?? 0;
  }
}

/** Tokenizer states, numbered so that ranges of them can be compared. */
const State = {
  Text: 0,
  Lt: 1,
  EndStart: 2,
  TagName: 3,
  // From here on, inside a construct where end tags do not count (see `spotHidden`).
  BeforeAttrName: 4,
  AttrName: 5,
  AfterAttrName: 6,
  BeforeValue: 7,
  Unquoted: 8,
  Quoted: 9,
  AfterQuoted: 10,
  Bang: 11,
  BangDash: 12,
  CommentStart: 13,
  CommentStartDash: 14,
  Comment: 15,
  CommentEndDash: 16,
  CommentEnd: 17,
  CommentEndBang: 18,
  Bogus: 19,
} as const;
type State = (typeof State)[keyof typeof State];

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const endsName = (c: number) => isSpace(c) || c === 47 || c === 62;
/** CommonMark's tag names: a letter, then letters, digits and hyphens. */
const isMarkdownNameChar = (c: number) => isAlpha(c) || (c >= 48 && c <= 57) || c === 45;
const lower = (c: number) => String.fromCharCode(isAlpha(c) ? c | 32 : c);

/**
 * Which tag names count: `html` reads them as the HTML tokenizer does (a letter, then anything
 * up to a space, `/` or `>`); `markdown` as CommonMark does, so `<https://…>` autolinks are no tags.
 */
export type TagSyntax = 'html' | 'markdown';

/**
 * The tokenizer side: tags, attribute values, comments and bogus comments (`<!x…>`, `<?…>`), as
 * in the HTML standard. Whether a `<` opens a tag depends on where the parser is (raw text in a
 * `script`, a `select` or a column group ignoring a `textarea`…), which a scan cannot know; so
 * it reads every `<name` as a start tag, even inside attribute values and comments, and end tags
 * only in text. Either mistake then raises the estimate, never lowers it.
 */
export class TagDepth {
  private readonly open = new OpenElements();
  private readonly syntax: TagSyntax;
  private state: State = State.Text;
  private name = '';
  private end = false;
  private quote = 0;
  /** A start tag spotted inside a construct that hides end tags: whether after `<`, and its name. */
  private hiddenLt = false;
  private hidden = '';
  /** Highest depth since the last `markLine`. */
  lineMax = 0;

  constructor(syntax: TagSyntax) {
    this.syntax = syntax;
  }

  get maxDepth(): number {
    return this.open.maxDepth;
  }

  /** Starts a new window for `lineMax`. */
  markLine(): void {
    this.lineMax = this.open.depth;
  }

  scan(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      this.spotHidden(c);
      this.step(c);
    }
  }

  private step(c: number): void {
    switch (this.state) {
      case State.Text:
        if (c === 60) this.state = State.Lt;
        return;
      case State.Lt:
        if (c === 47) this.state = State.EndStart;
        else if (isAlpha(c)) this.startName(c, false);
        else if (c === 33) this.state = State.Bang;
        else if (c === 63) this.state = State.Bogus;
        else this.text(c);
        return;
      case State.EndStart:
        if (isAlpha(c)) this.startName(c, true);
        else if (c === 62) this.state = State.Text;
        else this.state = State.Bogus;
        return;
      case State.TagName:
        return this.tagName(c);
      default:
        return this.state <= State.AfterQuoted ? this.attribute(c) : this.comment(c);
    }
  }

  /** Inside a tag, after its name: the HTML tokenizer's attribute states, condensed. */
  private attribute(c: number): void {
    if (c === 62 && this.state !== State.Quoted) return this.finishTag();
    const space = isSpace(c);
    switch (this.state) {
      case State.BeforeAttrName:
        if (!space && c !== 47) this.state = State.AttrName;
        return;
      case State.AttrName:
        if (space) this.state = State.AfterAttrName;
        else if (c === 47) this.state = State.BeforeAttrName;
        else if (c === 61) this.state = State.BeforeValue;
        return;
      case State.AfterAttrName:
        if (c === 47) this.state = State.BeforeAttrName;
        else if (c === 61) this.state = State.BeforeValue;
        else if (!space) this.state = State.AttrName;
        return;
      case State.BeforeValue:
        if (c === 34 || c === 39) {
          this.quote = c;
          this.state = State.Quoted;
        } else if (!space) this.state = State.Unquoted;
        return;
      case State.Unquoted:
        if (space) this.state = State.BeforeAttrName;
        return;
      case State.Quoted:
        if (c === this.quote) this.state = State.AfterQuoted;
        return;
      default:
        this.state = space || c === 47 ? State.BeforeAttrName : State.AttrName;
    }
  }

  /** Comments (`<!--…-->`, closed abruptly by `<!-->` too) and bogus comments. */
  private comment(c: number): void {
    const dash = c === 45;
    const gt = c === 62;
    switch (this.state) {
      case State.Bang:
        this.state = dash ? State.BangDash : gt ? State.Text : State.Bogus;
        return;
      case State.BangDash:
        this.state = dash ? State.CommentStart : gt ? State.Text : State.Bogus;
        return;
      case State.CommentStart:
        this.state = gt ? State.Text : dash ? State.CommentStartDash : State.Comment;
        return;
      case State.CommentStartDash:
        this.state = gt ? State.Text : dash ? State.CommentEnd : State.Comment;
        return;
      case State.Comment:
        if (dash) this.state = State.CommentEndDash;
        return;
      case State.CommentEndDash:
        this.state = dash ? State.CommentEnd : State.Comment;
        return;
      case State.CommentEnd:
        if (gt) this.state = State.Text;
        else if (c === 33) this.state = State.CommentEndBang;
        else if (!dash) this.state = State.Comment;
        return;
      case State.CommentEndBang:
        this.state = gt ? State.Text : dash ? State.CommentEndDash : State.Comment;
        return;
      default:
        if (gt) this.state = State.Text;
    }
  }

  private startName(c: number, end: boolean): void {
    this.name = lower(c);
    this.end = end;
    this.state = State.TagName;
  }

  private tagName(c: number): void {
    if (!endsName(c)) {
      if (!this.isNameChar(c)) return this.text(c);
      this.name += lower(c);
      return;
    }
    // A start tag counts as soon as its name is known: one cut off by the end of the input can
    // then only raise the estimate.
    if (!this.end) this.opened(this.name);
    if (c === 62) this.finishTag();
    else this.state = State.BeforeAttrName;
  }

  private finishTag(): void {
    if (this.end) this.open.close(this.name);
    this.end = false;
    this.state = State.Text;
  }

  /** Not a tag after all: the character is text again, and may itself open a tag. */
  private text(c: number): void {
    this.state = State.Text;
    this.step(c);
  }

  private isNameChar(c: number): boolean {
    return this.syntax === 'html' || isMarkdownNameChar(c);
  }

  private opened(name: string): void {
    this.open.open(name);
    this.lineMax = Math.max(this.lineMax, this.open.depth);
  }

  /** Inside a tag, an attribute value or a comment, a `<name` counts as a start tag anyway. */
  private spotHidden(c: number): void {
    if (this.state < State.BeforeAttrName) {
      this.hiddenLt = false;
      return;
    }
    if (c === 60) {
      this.hiddenLt = true;
      this.hidden = '';
      return;
    }
    if (!this.hiddenLt) return;
    if (this.hidden === '' ? isAlpha(c) : !endsName(c) && this.isNameChar(c)) {
      this.hidden += lower(c);
      return;
    }
    if (this.hidden !== '' && endsName(c)) this.opened(this.hidden);
    this.hiddenLt = false;
    this.hidden = '';
  }
}

/** The deepest nesting of a stored HTML fragment, as a browser would parse it (see above). */
export function htmlNestingDepth(html: string): number {
  const tags = new TagDepth('html');
  tags.scan(html);
  return tags.maxDepth;
}
