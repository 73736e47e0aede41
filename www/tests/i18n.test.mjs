// Fast unit tests of the widget's string catalog (no browser needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { CATALOGS, catalog, formatBytes, t } from "../widget/i18n.js";

test("every language has exactly the English keys, and every placeholder", () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [lang, strings] of Object.entries(CATALOGS)) {
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(CATALOGS.en).sort(), lang);
    for (const [key, text] of Object.entries(strings)) {
      assert.deepEqual(placeholders(text), placeholders(CATALOGS.en[key]), `${lang}.${key}`);
    }
  }
});

test("a region falls back to its language, an unknown language to English", () => {
  assert.equal(catalog("de-AT"), CATALOGS.de);
  assert.equal(catalog("DE"), CATALOGS.de);
  assert.equal(catalog("xx"), CATALOGS.en);
  assert.equal(catalog(undefined), CATALOGS.en);
});

test("t fills placeholders and leaves unknown ones visible", () => {
  assert.equal(t(CATALOGS.en, "somePass", { passed: 2, count: 5 }), "2 of 5 checks pass.");
  assert.equal(t(CATALOGS.de, "allPass", { count: 3 }), "Alle 3 Prüfungen bestanden.");
  assert.equal(t(CATALOGS.en, "somePass", { passed: 1 }), "1 of {count} checks pass.");
  assert.equal(t(CATALOGS.en, "no-such-key"), "no-such-key");
});

test("sizes read naturally", () => {
  assert.equal(formatBytes(512 * 1024), "512 KB");
  assert.equal(formatBytes(9.4 * 1024 * 1024), "9.4 MB");
});
