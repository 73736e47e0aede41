// Inline Markdown for hints and check messages, rendered safely: `code`, *emphasis*,
// **strong** and [links](https://…) (http and https only). `parseInline` gives tokens (no DOM
// needed, so Node tests it); `renderInline` builds DOM nodes from them with `textContent`, so
// no text is ever parsed as HTML. Underscores never emphasise (Python names: `__init__`), and
// an asterisk inside a word or before a space is literal (`2*3`, `f(*args, **kwargs)`).

/** @typedef {{ kind: "text", text: string } | { kind: "code", text: string }
 *   | { kind: "em", children: Token[] } | { kind: "strong", children: Token[] }
 *   | { kind: "link", href: string, children: Token[] }} Token */

/** The tokens of `text`: adjacent plain text is merged into one `text` token.
 * @param {string} text
 * @returns {Token[]} */
export function parseInline(text) {
  /** @type {Token[]} */
  const tokens = [];
  let plain = "";
  /** @param {Token} token */
  const push = (token) => {
    if (plain) tokens.push({ kind: "text", text: plain });
    plain = "";
    tokens.push(token);
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "`") {
      const fence = /^`+/.exec(text.slice(i))?.[0] ?? "`";
      const end = closingFence(text, i + fence.length, fence);
      if (end >= 0) {
        push({ kind: "code", text: text.slice(i + fence.length, end) });
        i = end + fence.length;
        continue;
      }
      plain += fence;
      i += fence.length;
      continue;
    }
    if (char === "[") {
      const link = /^\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/.exec(text.slice(i));
      if (link) {
        push({ kind: "link", href: link[2], children: parseInline(link[1]) });
        i += link[0].length;
        continue;
      }
    }
    if (char === "*") {
      const delimiter = text.startsWith("**", i) ? "**" : "*";
      const end = closingDelimiter(text, i, delimiter);
      if (end >= 0) {
        const inner = text.slice(i + delimiter.length, end);
        push({ kind: delimiter === "**" ? "strong" : "em", children: parseInline(inner) });
        i = end + delimiter.length;
        continue;
      }
      plain += delimiter;
      i += delimiter.length;
      continue;
    }
    plain += char;
    i += 1;
  }
  if (plain) tokens.push({ kind: "text", text: plain });
  return tokens;
}

/** Where the run of backticks exactly `fence` long that closes a code span starting at
 * `from` begins, or -1.
 * @param {string} text @param {number} from @param {string} fence */
function closingFence(text, from, fence) {
  for (let at = text.indexOf(fence, from); at >= 0; at = text.indexOf(fence, at + 1)) {
    if (text[at - 1] !== "`" && text[at + fence.length] !== "`") return at;
    while (text[at + 1] === "`") at += 1;
  }
  return -1;
}

/** Where the `delimiter` closing one that opens at `start` is, on the same line, or -1. An
 * opener follows no letter or digit and precedes a non-space; a closer follows a non-space
 * and precedes no letter, digit or asterisk.
 * @param {string} text @param {number} start @param {string} delimiter */
function closingDelimiter(text, start, delimiter) {
  const wordChar = /[\p{L}\p{N}]/u;
  const after = text[start + delimiter.length];
  if ((start > 0 && wordChar.test(text[start - 1])) || !after || /[\s*]/.test(after)) return -1;
  const lineEnd = text.indexOf("\n", start);
  const limit = lineEnd < 0 ? text.length : lineEnd;
  for (let at = text.indexOf(delimiter, start + delimiter.length + 1); at >= 0 && at < limit; at = text.indexOf(delimiter, at + 1)) {
    const next = text[at + delimiter.length];
    if (!/\s/.test(text[at - 1]) && text[at - 1] !== "*" && !(next && /[\p{L}\p{N}*]/u.test(next))) return at;
  }
  return -1;
}

/** `text`'s inline Markdown as DOM nodes; links open in a new tab without access to this page.
 * @param {string} text
 * @returns {(Node | string)[]} */
export function renderInline(text) {
  return parseInline(String(text)).map(toNode);
}

/** @param {Token} token @returns {Node | string} */
function toNode(token) {
  if (token.kind === "text") return token.text;
  if (token.kind === "code") {
    const code = document.createElement("code");
    code.textContent = token.text;
    return code;
  }
  if (token.kind === "link") {
    const link = document.createElement("a");
    link.href = token.href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.append(...token.children.map(toNode));
    return link;
  }
  const element = document.createElement(token.kind);
  element.append(...token.children.map(toNode));
  return element;
}
