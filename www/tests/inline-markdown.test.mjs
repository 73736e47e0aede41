// Unit tests of the inline Markdown hints and check messages are shown with (no browser needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseInline } from "../widget/inline-markdown.js";

const text = (value) => ({ kind: "text", text: value });
const code = (value) => ({ kind: "code", text: value });

test("code, emphasis, strong and links become tokens", () => {
  assert.deepEqual(parseInline("Use `yield` *once* per **item**, see [the docs](https://docs.python.org/3/)."), [
    text("Use "),
    code("yield"),
    text(" "),
    { kind: "em", children: [text("once")] },
    text(" per "),
    { kind: "strong", children: [text("item")] },
    text(", see "),
    { kind: "link", href: "https://docs.python.org/3/", children: [text("the docs")] },
    text("."),
  ]);
  assert.deepEqual(parseInline("**call `wraps`**"), [{ kind: "strong", children: [text("call "), code("wraps")] }]);
  assert.deepEqual(parseInline("``a ` b``"), [code("a ` b")]);
});

test("Python text stays as it is", () => {
  for (const python of [
    "def __init__(self, *args, **kwargs):",
    "x = 2*3*4",
    "a * b * c",
    "print(*items)  # *args",
    "File \"log_calls.py\", line 3, in wrapper\n    return func(*a, **k)",
    "**kwargs is a dict",
    "snake_case_name and _private and __dunder__",
  ]) {
    assert.deepEqual(parseInline(python), [text(python)], python);
  }
});

test("an unclosed backtick or asterisk is literal, and emphasis never spans lines", () => {
  assert.deepEqual(parseInline("a `b"), [text("a `b")]);
  assert.deepEqual(parseInline("*one\ntwo*"), [text("*one\ntwo*")]);
  assert.deepEqual(parseInline("``x`"), [text("``x`")]);
});

test("only http and https links are links; HTML stays text", () => {
  for (const unsafe of [
    "[click](javascript:alert(1))",
    "[data](data:text/html,<b>x</b>)",
    "[rel](/relative/path)",
    '<img src=x onerror="alert(1)">',
    "<a href='https://x'>x</a>",
  ]) {
    assert.deepEqual(parseInline(unsafe), [text(unsafe)], unsafe);
  }
  assert.deepEqual(parseInline("[plain](http://example.com)")[0], {
    kind: "link",
    href: "http://example.com",
    children: [text("plain")],
  });
});
