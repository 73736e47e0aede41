// Unit tests of what the widget reads from a report to show under each check (no browser needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstDifference, sameFailures } from "../widget/check-feedback.js";

const result = (name, status, message, extra = {}) => ({ name, status, message, check_id: name, ...extra });

test("checks failing with the same message are grouped, in report order; their own messages are not", () => {
  const traceback = "Your code raised an exception:\nNameError: name 'x' is not defined";
  const tests = [
    result("a", "error", traceback),
    result("b", "pass", null),
    result("c", "fail", "c's own message"),
    result("d", "error", traceback),
    result("e", "error", traceback),
  ];
  const same = sameFailures(tests);
  assert.deepEqual([...same.keys()].map((t) => t.name), ["a", "d", "e"]);
  assert.deepEqual(same.get(tests[3]).map((t) => t.name), ["a", "d", "e"]);
  assert.equal(same.get(tests[2]), undefined);
  assert.equal(same.get(tests[1]), undefined);
});

test("a first difference is read from an output mismatch's arguments only", () => {
  const differs = result("o", "fail", "…", {
    message_key: "output_differs",
    message_args: { line: 2, column: 4, expected_line: "Bye, Ada!", actual_line: "Bye Ada!" },
  });
  assert.deepEqual(firstDifference(differs), { line: 2, column: 4, expected: "Bye, Ada!", actual: "Bye Ada!" });
  const ended = result("o", "fail", "…", { message_key: "output_differs", message_args: { line: 3, column: 1, expected_line: "" } });
  assert.deepEqual(firstDifference(ended), { line: 3, column: 1, expected: "", actual: undefined });
  // A normalised or regex mismatch has no position; another key never gives one.
  assert.equal(firstDifference(result("o", "fail", "…", { message_key: "output_differs", message_args: {} })), null);
  assert.equal(firstDifference(result("o", "fail", "…", { message_key: "not_equal", message_args: { line: 1, column: 1 } })), null);
});
