// Markdown support: a fenced code block whose info string is `py-kata` becomes a <py-kata>
// element in place. Renderers emit such a block as <pre><code class="language-py-kata">
// (markdown-it, Python-Markdown, Goldmark), inside <div class="highlight"> with a span per
// line (Hugo's Chroma), or with the class on a wrapping <div> (pymdownx in Material for
// MkDocs, Jekyll's rouge). The block's text is the exercise, as TOML.

const LANGUAGE_CLASS = "language-py-kata";
/** Wrappers that highlighters put around one code block. */
const WRAPPER = `div.${LANGUAGE_CLASS}, div.highlight, div.highlighter-rouge`;

/** The outermost element that holds only the code block `code`.
 * @param {Element} code */
function blockOf(code) {
  let block = code.closest("pre") ?? code;
  while (block.parentElement?.matches(WRAPPER) && block.parentElement.children.length === 1) {
    block = block.parentElement;
  }
  return block;
}

/** Replace every rendered py-kata fence below `root` with a <py-kata> holding its text.
 * @param {ParentNode} [root] */
export function upgradeFences(root = document) {
  const codes = root.querySelectorAll(`code.${LANGUAGE_CLASS}, pre.${LANGUAGE_CLASS} > code, div.${LANGUAGE_CLASS} pre > code`);
  for (const code of codes) {
    if (!code.isConnected || code.closest("py-kata")) continue;
    const kata = document.createElement("py-kata");
    const script = document.createElement("script");
    script.type = "application/toml";
    script.dataset.kata = "";
    // textContent: the renderer's escaping (&lt; &amp;) and highlighting spans are undone.
    script.textContent = code.textContent;
    kata.append(script);
    blockOf(code).replaceWith(kata);
  }
}
