//! Every learner-facing sentence the engine says, in one place: a stable [`MessageKey`] with
//! named arguments, and the English text made from them. Reports carry the key and arguments
//! beside the English `message`, so a host can say the same in another language.
//!
//! A template is paragraphs separated by a blank line, with `{name}` placeholders, or
//! `{name=default}` for an argument that may be left out. A paragraph whose placeholders are
//! all missing from the arguments (and have no default) is left out: that is how the check's
//! own message (`{check_message}`) or a traceback (`{traceback}`) comes and goes.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// What a message says, independent of its wording.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKey {
    /// The learner's code does not compile.
    SyntaxError,
    /// Loading the learner's code raised.
    RaisedWhileLoading,
    /// Loading the learner's code called `sys.exit` with a failure.
    ExitedWhileLoading,
    /// The learner's code raised during the check.
    Raised,
    /// The learner's code exited during the check.
    ExitedDuringCheck,
    /// A hidden check's code raised: only the exception's type is shown.
    RaisedInHiddenCheck,
    /// A unittest check's test module could not be loaded.
    TestsNotLoaded,
    /// A unittest check's module has no tests.
    NoTests,
    /// One of the exercise's helper modules could not be loaded (the author's mistake).
    HelperModuleFailed,
    /// The check failed; `detail` is its own failure text, if any.
    CheckFailed,
    /// An output check's expected text differs from what was printed; for an exact match, the
    /// first difference is at `line` and `column` (1-based, in characters), where the lines
    /// read `expected_line` and `actual_line` (either left out past the end of its text).
    OutputDiffers,
    /// An output check's pattern does not match what was printed.
    OutputDoesNotMatch,
    /// An output check expected text, and nothing was printed.
    NothingPrinted,
    /// An output check expected text matching a pattern, and nothing was printed.
    NothingPrintedForPattern,
    /// A static check: the code never uses a construct it must use.
    MissingConstruct,
    /// A static check: the code uses a construct it must not.
    ForbiddenConstruct,
    /// A static check: the code never calls a function it must call.
    MissingCall,
    /// A static check: the code calls a function it must not.
    ForbiddenCall,
    /// The code ran out of time.
    TimeBudget,
    /// The check never ran: earlier checks used up the submission's time.
    SkippedForTime,
    /// The code asked for more memory than allowed.
    MemoryBudget,
    /// The code recursed past the recursion limit.
    RecursionBudget,
    /// Recursion inside native code overflowed the interpreter's own stack.
    StackOverflow,
    /// The interpreter crashed for another reason.
    Crashed,
    // What pykata's check helpers (`python/pykata.py`) found unmet; the runner answers them as
    // a fact with these keys and arguments.
    /// `expect_equal`: the value or its type differs.
    NotEqual,
    /// `expect_equal` with the check's `reason`: the value or its type differs.
    NotEqualBecause,
    /// `decorate`: the decorator (`label`, optional) cannot be called.
    DecoratorNotCallable,
    /// `decorate`: the decorator returned None.
    DecoratorReturnedNone,
    /// `decorate`: the decorator returned something that cannot be called.
    DecoratorReturnedUncallable,
    /// `expect_wraps`: the wrapper has another `__name__`.
    WrapperName,
    /// `expect_wraps`: the wrapper has another docstring.
    WrapperDocstring,
    /// `expect_wraps`: the wrapper's `__wrapped__` is not the original.
    WrapperNotWrapped,
    /// `CountingIterable`: more than `limit` items were read before any came back.
    ReadAhead,
    /// `expect_iterator`: the function (`label`, optional) returned a ready-made collection.
    NotLazy,
    /// `expect_iterator`: the function returned None.
    GeneratorReturnedNone,
    /// `expect_iterator`: the function returned something that is not an iterator.
    NotAnIterator,
    /// `raises`: the expected exception was not raised.
    NothingRaised,
    /// `raises`: what it was asked to call (`got`) cannot be called.
    NotCallable,
    /// `run_with` and the `expect_*` helpers for `with`: `got`'s class has no `method`
    /// (`__enter__` or `__exit__`).
    NotAContextManager,
    /// `run_with` and the `expect_*` helpers for `with`: `got` is a bare generator, not a
    /// context manager (a generator function without `@contextmanager`).
    GeneratorNotContextManager,
    /// `expect_propagates`, `expect_suppresses`, `expect_enters`: entering the `with` block raised.
    WithNotEntered,
    /// `expect_enters`: `__enter__` returned None instead of `expected`.
    EnterReturnedNone,
    /// `expect_enters`: `__enter__` returned `got` instead of `expected`.
    EnterReturned,
    /// `expect_propagates`: the exception raised inside the block was suppressed.
    WithSwallowed,
    /// `expect_propagates`: another exception came out of the block.
    WithReplaced,
    /// `expect_suppresses`: the exception raised inside the block escaped.
    WithNotSuppressed,
    /// `expect_suppresses`: `__exit__` raised `escaped` itself while handling `raised`.
    ExitRaised,
}

impl MessageKey {
    /// The English template.
    pub fn english(self) -> &'static str {
        match self {
            MessageKey::SyntaxError => "Your code has a syntax error:\n{traceback}",
            MessageKey::RaisedWhileLoading => "Your code raised an exception while being loaded:\n{traceback}",
            MessageKey::ExitedWhileLoading => "Your code exited while being loaded:\n{traceback}",
            MessageKey::Raised => "Your code raised an exception:\n{traceback}",
            MessageKey::ExitedDuringCheck => "Your code exited during the check:\n{traceback}",
            MessageKey::RaisedInHiddenCheck => {
                "{check_message}\n\nYour code raised {exception=an exception} during this hidden check."
            }
            MessageKey::TestsNotLoaded => "The tests could not be loaded:\n{traceback}",
            MessageKey::NoTests => "The unittest check has no tests (TestCase classes or test_* functions).",
            MessageKey::HelperModuleFailed => "The exercise's helper module {module}.py could not be loaded:\n{error}",
            MessageKey::CheckFailed => "{check_message}\n\n{detail}",
            MessageKey::OutputDiffers => {
                "{check_message}\n\nExpected output:\n{expected}\nYour output:\n{actual}\n\nThe first \
                 difference is on line {line}, column {column}."
            }
            MessageKey::OutputDoesNotMatch => {
                "{check_message}\n\nExpected output matching:\n{expected}\nYour output:\n{actual}"
            }
            MessageKey::NothingPrinted => "{check_message}\n\nExpected output:\n{expected}\nYour output:\n(nothing)",
            MessageKey::NothingPrintedForPattern => {
                "{check_message}\n\nExpected output matching:\n{expected}\nYour output:\n(nothing)"
            }
            MessageKey::MissingConstruct => "{check_message}\n\nYour code does not use `{construct}`.",
            MessageKey::ForbiddenConstruct => "{check_message}\n\nLine {line} uses `{construct}`.",
            MessageKey::MissingCall => "{check_message}\n\nYour code never calls `{name}()`.",
            MessageKey::ForbiddenCall => "{check_message}\n\nLine {line} calls `{name}()`.",
            MessageKey::TimeBudget => {
                "Your code ran for more than {seconds} s and was stopped. Is there a loop that never ends?"
            }
            MessageKey::SkippedForTime => "Not run: earlier checks used up the time for this submission.",
            MessageKey::MemoryBudget => {
                "{check_message}\n\nYour code asked for more memory than the {mib} MiB pykata allows and was \
                 stopped. Is something growing without end, or is a number far too big?\n\n{traceback}"
            }
            MessageKey::RecursionBudget => {
                "{check_message}\n\nYour code went more than {limit} calls deep and was stopped. Does a \
                 function call itself (or a `__repr__`, `__eq__` or `__getattr__` use itself) without ever \
                 reaching a case that stops?\n\n{traceback}"
            }
            MessageKey::StackOverflow => {
                "Your code recursed or nested data so deeply that Python itself ran out of stack and \
                 crashed; it was restarted. Does something call or contain itself without end?"
            }
            MessageKey::Crashed => "Python crashed while running your code ({how}); it was restarted.",
            MessageKey::NotEqual => "{check_message}\n\nexpected {expected}, got {actual}",
            MessageKey::NotEqualBecause => "{check_message}\n\n{reason}: expected {expected}, got {actual}",
            MessageKey::DecoratorNotCallable => "{check_message}\n\n{label=your decorator} is not callable (got {got})",
            MessageKey::DecoratorReturnedNone => {
                "{check_message}\n\n{label=your decorator} returned None — did you forget `return wrapper`?"
            }
            MessageKey::DecoratorReturnedUncallable => {
                "{check_message}\n\n{label=your decorator} returned {got}, which cannot be called — return the \
                 wrapper function itself"
            }
            MessageKey::WrapperName => {
                "{check_message}\n\nthe decorated function is called {actual} instead of {expected} — decorate \
                 your wrapper with @functools.wraps(func)"
            }
            MessageKey::WrapperDocstring => {
                "{check_message}\n\nthe decorated function lost its docstring — decorate your wrapper with \
                 @functools.wraps(func)"
            }
            MessageKey::WrapperNotWrapped => {
                "{check_message}\n\nthe decorated function has no __wrapped__ pointing at the original — \
                 @functools.wraps(func) sets it for you"
            }
            MessageKey::ReadAhead => {
                "{check_message}\n\nyour code read more than {limit} items from the source before giving any \
                 back — it builds the whole list before yielding; yield items as you go"
            }
            MessageKey::NotLazy => {
                "{check_message}\n\n{label=your function} returned a {type} — it builds the whole result before \
                 giving any of it; use `yield` to produce items one at a time"
            }
            MessageKey::GeneratorReturnedNone => {
                "{check_message}\n\n{label=your function} returned None — a generator function needs at least \
                 one `yield`"
            }
            MessageKey::NotAnIterator => {
                "{check_message}\n\n{label=your function} returned {got}, which is not an iterator — use `yield`"
            }
            MessageKey::NothingRaised => "{check_message}\n\nexpected {exception} to be raised, but nothing was raised",
            MessageKey::NotCallable => "{check_message}\n\nexpected something to call, got {got}",
            MessageKey::NotAContextManager => {
                "{check_message}\n\n{got} is not a context manager: its class has no `{method}` method — a \
                 context manager needs both `__enter__` and `__exit__`"
            }
            MessageKey::GeneratorNotContextManager => {
                "{check_message}\n\n{got} is a generator, not a context manager — decorate the generator \
                 function with @contextlib.contextmanager"
            }
            MessageKey::WithNotEntered => {
                "{check_message}\n\nthe with block never started: {escaped} was raised on entry"
            }
            MessageKey::EnterReturnedNone => {
                "{check_message}\n\n`with ... as value` gave None: `__enter__` returns nothing — did you forget \
                 `return self`? (expected {expected})"
            }
            MessageKey::EnterReturned => {
                "{check_message}\n\n`with ... as value` gave {got}, but it should be {expected} — `as` binds what \
                 `__enter__` returns"
            }
            MessageKey::WithSwallowed => {
                "{check_message}\n\nthe exception raised inside the with block was silently swallowed — \
                 `__exit__` must return False (or None) unless it means to suppress it"
            }
            MessageKey::WithReplaced => {
                "{check_message}\n\nthe with block raised {raised}, but {escaped} came out instead"
            }
            MessageKey::WithNotSuppressed => {
                "{check_message}\n\n{raised} raised inside the with block escaped, but it should have been \
                 suppressed"
            }
            MessageKey::ExitRaised => {
                "{check_message}\n\n`__exit__` itself raised {escaped} while handling {raised} — it takes \
                 (exc_type, exc, traceback) and returns True to suppress the exception"
            }
        }
    }
}

/// A message: its key and the arguments its template names.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: MessageKey,
    pub args: Map<String, Value>,
}

impl Message {
    pub fn new(key: MessageKey) -> Self {
        Message { key, args: Map::new() }
    }

    /// Add argument `name` (strings, numbers); `None` leaves it out.
    pub fn with(mut self, name: &str, value: impl Into<Option<Value>>) -> Self {
        if let Some(value) = value.into() {
            self.args.insert(name.to_owned(), value);
        }
        self
    }

    /// Add the text argument `name` if there is one and it is not empty.
    pub fn with_text(self, name: &str, text: Option<&str>) -> Self {
        let text = text.map(str::trim_end).filter(|t| !t.is_empty());
        self.with(name, text.map(|t| Value::String(t.to_owned())))
    }

    /// The message in English.
    pub fn english(&self) -> String {
        render(self.key.english(), &self.args)
    }
}

/// Fill `template`'s placeholders from `args` (or their defaults), leaving out each paragraph
/// whose placeholders are all missing.
pub fn render(template: &str, args: &Map<String, Value>) -> String {
    template
        .split("\n\n")
        .filter_map(|paragraph| {
            let mut out = String::new();
            let (mut named, mut found) = (0, 0);
            let mut rest = paragraph;
            while let Some(start) = rest.find('{') {
                let Some(end) = rest[start..].find('}') else { break };
                out.push_str(&rest[..start]);
                named += 1;
                let placeholder = &rest[start + 1..start + end];
                let (name, default) = match placeholder.split_once('=') {
                    Some((name, default)) => (name, Some(default)),
                    None => (placeholder, None),
                };
                match (args.get(name), default) {
                    (Some(Value::String(text)), _) => {
                        found += 1;
                        out.push_str(text);
                    }
                    (Some(Value::Number(number)), _) => {
                        found += 1;
                        // As Rust writes numbers: 1.5, and 1 (not 1.0) for a whole one.
                        match number.as_f64() {
                            Some(float) if !number.is_u64() && !number.is_i64() => out.push_str(&float.to_string()),
                            _ => out.push_str(&number.to_string()),
                        }
                    }
                    (Some(value), _) => {
                        found += 1;
                        out.push_str(&value.to_string());
                    }
                    (None, Some(default)) => {
                        found += 1;
                        out.push_str(default);
                    }
                    (None, None) => {}
                }
                rest = &rest[start + end + 1..];
            }
            out.push_str(rest);
            (named == 0 || found > 0).then_some(out)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paragraphs_without_their_arguments_are_left_out() {
        let failed = Message::new(MessageKey::CheckFailed).with_text("check_message", Some("Count every call."));
        assert_eq!(failed.english(), "Count every call.");
        let failed = failed.with_text("detail", Some("got 2\n"));
        assert_eq!(failed.english(), "Count every call.\n\ngot 2");
        let time = Message::new(MessageKey::TimeBudget).with("seconds", json!(1.5));
        assert_eq!(
            time.english(),
            "Your code ran for more than 1.5 s and was stopped. Is there a loop that never ends?"
        );
        assert_eq!(Message::new(MessageKey::NoTests).english(), MessageKey::NoTests.english());
        let whole = Message::new(MessageKey::TimeBudget).with("seconds", json!(2.0));
        assert!(whole.english().starts_with("Your code ran for more than 2 s"), "{}", whole.english());
    }

    #[test]
    fn an_argument_left_out_takes_its_default() {
        let labelled = Message::new(MessageKey::DecoratorReturnedNone)
            .with_text("check_message", Some("Return the wrapper."))
            .with_text("label", Some("deprecated(...)"));
        assert_eq!(
            labelled.english(),
            "Return the wrapper.\n\ndeprecated(...) returned None — did you forget `return wrapper`?"
        );
        let unlabelled = Message::new(MessageKey::NotLazy).with_text("type", Some("list"));
        assert!(unlabelled.english().starts_with("your function returned a list — "), "{}", unlabelled.english());
    }

    #[test]
    fn every_key_the_check_helpers_raise_is_a_message_key() {
        let helpers = include_str!("../python/pykata.py");
        let keys: Vec<&str> = helpers
            .split("_unmet_expectation(\"")
            .skip(1) // the text before the first call
            .map(|call| call.split('"').next().unwrap())
            .collect();
        assert_eq!(keys.len(), 27, "{keys:?}");
        for key in keys {
            let parsed: MessageKey = serde_json::from_value(json!(key)).unwrap_or_else(|e| panic!("{key}: {e}"));
            assert!(parsed.english().starts_with("{check_message}\n\n"), "{key}");
        }
    }

    #[test]
    fn every_key_serialises_to_its_snake_case_name_and_back() {
        let key: MessageKey = serde_json::from_value(json!("raised_while_loading")).unwrap();
        assert_eq!(key, MessageKey::RaisedWhileLoading);
        assert_eq!(serde_json::to_value(MessageKey::OutputDoesNotMatch).unwrap(), json!("output_does_not_match"));
    }
}
