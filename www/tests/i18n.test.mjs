// Fast unit tests of the widget's string catalogs and the engine's messages in them (no browser
// needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { CATALOGS, catalog, formatBytes, t } from "../widget/i18n.js";
import { ENGINE_MESSAGES, engineText, fillParagraphs } from "../widget/engine-messages.js";

/** The engine's message keys and their English templates, from the schema `pykata schema`
 * generates from the Rust types (message.rs). */
const schema = JSON.parse(readFileSync(new URL("../../docs/schema/engine.schema.json", import.meta.url), "utf8"));
const ENGLISH = Object.fromEntries(schema.$defs.MessageKey.oneOf.map((key) => [key.const, key["x-english"]]));

/** The placeholder names of each paragraph of `text`, sorted (`{name=default}` counts as `name`). */
const placeholders = (text) =>
  text.split("\n\n").map((paragraph) => [...paragraph.matchAll(/\{(\w+)(?:=[^}]*)?\}/g)].map((m) => m[1]).sort());

test("every language has exactly the English keys, and every placeholder", () => {
  for (const [lang, strings] of Object.entries(CATALOGS)) {
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(CATALOGS.en).sort(), lang);
    for (const [key, text] of Object.entries(strings)) {
      assert.deepEqual(placeholders(text), placeholders(CATALOGS.en[key]), `${lang}.${key}`);
    }
  }
});

test("every language but English words every engine message key, with the English template's placeholders per paragraph", () => {
  const keys = Object.keys(ENGLISH);
  assert.ok(keys.length >= 40 && keys.includes("syntax_error"), "the schema lists the engine's keys");
  for (const key of keys) assert.equal(typeof ENGLISH[key], "string", `${key} has an English template in the schema`);
  const languages = Object.keys(CATALOGS).filter((lang) => lang !== "en");
  assert.deepEqual(Object.keys(ENGINE_MESSAGES).sort(), languages.sort(), "engine messages for exactly the catalogs' languages");
  for (const lang of languages) {
    assert.deepEqual(Object.keys(ENGINE_MESSAGES[lang]).sort(), [...keys].sort(), lang);
    for (const key of keys) {
      assert.deepEqual(placeholders(ENGINE_MESSAGES[lang][key]), placeholders(ENGLISH[key]), `${lang}.${key}`);
    }
  }
});

test("Traditional Chinese is written in Traditional characters, Simplified in Simplified", () => {
  // Characters only the Simplified script uses, common in these texts (their Traditional forms
  // are 這碼運檢試時發讓沒錯誤輸載們會個對為過還進數據項將與現問題說設無稱頁類調結處動讀寫).
  const simplifiedOnly = /[这码运检试时发让没错误输载们会个对为过还进数据项将与现问题说设无称页类调结处动读写]/u;
  const texts = (lang) => [...Object.values(CATALOGS[lang]), ...Object.values(ENGINE_MESSAGES[lang])].join("\n");
  assert.doesNotMatch(texts("zh-Hant"), simplifiedOnly);
  assert.match(texts("zh"), simplifiedOnly);
});

test("a region or script falls back to its language, an unknown language to English", () => {
  assert.equal(catalog("de-AT"), CATALOGS.de);
  assert.equal(catalog("DE"), CATALOGS.de);
  const regions = [
    ["zh-CN", "zh"],
    ["zh-Hans", "zh"],
    ["zh-Hans-HK", "zh"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-Hant-CN", "zh-Hant"],
    ["es-MX", "es"],
    ["fr-CA", "fr"],
    ["hi-IN", "hi"],
  ];
  for (const [lang, base] of regions) {
    assert.equal(catalog(lang), CATALOGS[base], lang);
  }
  assert.equal(catalog("xx"), CATALOGS.en);
  assert.equal(catalog(undefined), CATALOGS.en);
});

test("t fills placeholders, numbers as the language writes them, and leaves unknown ones visible", () => {
  assert.equal(t(CATALOGS.en, "somePass", { passed: 2, count: 5 }), "2 of 5 checks pass.");
  assert.equal(t(CATALOGS.de, "allPass", { count: 3 }), "Alle 3 Prüfungen bestanden.");
  assert.equal(t(CATALOGS.en, "somePass", { passed: 1 }), "1 of {count} checks pass.");
  assert.equal(t(CATALOGS.en, "no-such-key"), "no-such-key");
  assert.match(t(CATALOGS.de, "stoppedByBudget", { seconds: 1.5 }), /^Nach 1,5 s gestoppt/);
  assert.match(t(CATALOGS.en, "stoppedByBudget", { seconds: 1.5 }), /^Stopped after 1\.5 s/);
  assert.match(t(CATALOGS.fr, "engineError", { error: "{seconds}" }), /: \{seconds\}$/, "text goes in as it is");
});

test("sizes read naturally in each language", () => {
  assert.equal(formatBytes(512 * 1024), "512 kB");
  assert.equal(formatBytes(9.4 * 1024 * 1024), "9.4 MB");
  assert.equal(formatBytes(9.4 * 1024 * 1024, CATALOGS.de), "9,4 MB");
  assert.match(formatBytes(9.4 * 1024 * 1024, CATALOGS.fr), /^9,4\sMo$/);
});

test("the engine's messages are worded in the page's language from their keys and arguments", () => {
  const syntax = { message_key: "syntax_error", message_args: { traceback: '  File "main.py", line 1\n    def f(:\nSyntaxError: {oops}' } };
  const english = `Your code has a syntax error:\n${syntax.message_args.traceback}`;
  assert.equal(engineText(CATALOGS.de, syntax, english), `Dein Code hat einen Syntaxfehler:\n${syntax.message_args.traceback}`);
  assert.equal(engineText(CATALOGS.en, syntax, english), english, "English pages show the engine's own text");
  const time = { message_key: "time_budget", message_args: { seconds: 1.5 } };
  assert.match(engineText(CATALOGS.de, time, ""), /länger als 1,5 s/);
  assert.match(engineText(CATALOGS.zh, time, ""), /超过 1\.5 秒/);
  const newer = { message_key: /** @type {any} */ ("from_a_newer_engine"), message_args: {} };
  assert.equal(engineText(CATALOGS.de, newer, "In English"), "In English", "an unknown key falls back to the English text");
  assert.equal(engineText(CATALOGS.de, {}, null), "", "no message at all");
});

test("placeholders are filled as message.rs fills them: missing paragraphs left out, defaults taken", () => {
  const check = "{check_message}\n\n{detail}";
  assert.equal(fillParagraphs(check, { check_message: "Zähle jeden Aufruf." }, "de"), "Zähle jeden Aufruf.");
  assert.equal(fillParagraphs(check, { check_message: "A", detail: "got 2" }, "de"), "A\n\ngot 2");
  const none = ENGINE_MESSAGES.fr.decorator_returned_none;
  assert.match(fillParagraphs(none, {}, "fr"), /^votre décorateur a renvoyé None/);
  assert.match(fillParagraphs(none, { label: "deprecated(...)" }, "fr"), /^deprecated\(\.\.\.\) a renvoyé None/);
  assert.match(fillParagraphs(ENGINE_MESSAGES.de.recursion_budget, { limit: 1000 }, "de"), /^Dein Code ging mehr als 1\.000 Aufrufe tief.*endet\?$/);
});
