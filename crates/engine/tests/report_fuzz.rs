//! Property tests ("fuzzing") of the report serialiser: any `Report`, with any Unicode text
//! (NUL, control characters, U+2028, non-characters) and any duration (huge, tiny, negative,
//! NaN, infinite), serialises to JSON and reads back as the same report. Each property runs 256
//! cases; set `PROPTEST_CASES` for a longer run.

use proptest::prelude::*;
use pykata_engine::{Budget, MessageKey, Report, RunOutput, Status, TestResult};
use serde_json::{Map, Value};
use pykata_pack::CheckKind;

/// Text as learners' code and checks produce it: anything, and the awkward characters often.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop::sample::select(vec![
                '\0',
                '\n',
                '\r',
                '\t',
                '\u{7}',
                '\u{1b}',
                '\u{7f}',
                '\u{85}',
                '\u{2028}',
                '\u{2029}',
                '\u{feff}',
                '\u{fffe}',
                '\u{ffff}',
                '\u{10ffff}',
                '"',
                '\\',
                '/',
                '<',
                '>',
                '&',
                'é',
                '😀',
                'a',
            ]),
            0..40
        )
        .prop_map(|chars| chars.into_iter().collect()),
        Just("</script><!--".to_owned()),
    ]
}

fn duration() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..10_000.0f64,
        any::<f64>(),
        prop::num::f64::ANY,
        prop::sample::select(vec![
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            -0.0,
            0.1 + 0.2,
            1e300,
            123_456_789.123_456_78,
        ]),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![Status::Pass, Status::Fail, Status::Error])
}

fn budget() -> impl Strategy<Value = Option<Budget>> {
    prop::option::of(prop::sample::select(vec![
        Budget::Time,
        Budget::Memory,
        Budget::Recursion,
    ]))
}

fn kind() -> impl Strategy<Value = CheckKind> {
    prop::sample::select(vec![
        CheckKind::Output,
        CheckKind::Assert,
        CheckKind::Behaviour,
        CheckKind::Static,
        CheckKind::Unittest,
    ])
}

fn test_result() -> impl Strategy<Value = TestResult> {
    (
        (text(), status(), prop::option::of(text()), prop::option::of(text())),
        (prop::option::of(any::<u32>()), text(), kind(), any::<bool>()),
        (
            duration(),
            prop::option::of(any::<usize>()),
            prop::option::of(any::<u32>()),
            budget(),
        ),
        said(),
    )
        .prop_map(
            |(
                (name, status, message, output),
                (task_id, check_id, kind, hidden),
                (duration_ms, hint, line, budget),
                (message_key, message_args),
            )| {
                TestResult {
                    name,
                    status,
                    message,
                    message_key,
                    message_args,
                    output,
                    task_id,
                    check_id,
                    kind,
                    hidden,
                    duration_ms,
                    hint,
                    line,
                    budget,
                }
            },
        )
}

/// A message key (or none) and its arguments: texts and numbers under any names.
fn said() -> impl Strategy<Value = (Option<MessageKey>, Map<String, Value>)> {
    let key = prop::option::of(prop_oneof![
        Just(MessageKey::Raised),
        Just(MessageKey::RaisedWhileLoading),
        Just(MessageKey::OutputDiffers),
        Just(MessageKey::TimeBudget),
        Just(MessageKey::Crashed),
    ]);
    let value = prop_oneof![text().prop_map(Value::String), any::<u32>().prop_map(Value::from)];
    (key, prop::collection::btree_map(text(), value, 0..3)).prop_map(|(key, args)| (key, args.into_iter().collect()))
}

fn report() -> impl Strategy<Value = Report> {
    (
        any::<u8>(),
        status(),
        prop::option::of(text()),
        prop::option::of(any::<u32>()),
        budget(),
        prop::collection::vec(test_result(), 0..5),
        said(),
    )
        .prop_map(|(version, status, message, line, budget, tests, (message_key, message_args))| Report {
            version,
            status,
            message,
            message_key,
            message_args,
            line,
            budget,
            tests,
        })
}

/// The report as it should read back: JSON has no NaN or infinity, so a duration that is not
/// a finite number is written as 0; a finite one is kept within ±10¹² ms and rounded to the
/// microsecond.
fn expected(mut report: Report) -> Report {
    for test in &mut report.tests {
        let ms = test.duration_ms;
        test.duration_ms = if ms.is_finite() {
            (ms.clamp(-1e12, 1e12) * 1000.0).round() / 1000.0
        } else {
            0.0
        };
    }
    report
}

/// Equal, with durations compared bit for bit (-0.0 stays -0.0; no rounding step is lost).
fn same(got: &Report, want: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(got, want);
    for (got, want) in got.tests.iter().zip(&want.tests) {
        let (g, w) = (got.duration_ms, want.duration_ms);
        prop_assert_eq!(g.to_bits(), w.to_bits(), "{} read back as {}", w, g);
    }
    Ok(())
}

proptest! {
    #[test]
    fn a_report_round_trips_through_json(report in report()) {
        let json = serde_json::to_string(&report).map_err(|e| TestCaseError::fail(format!("serialise: {e}")))?;
        let back: Report = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
        let want = expected(report.clone());
        same(&back, &want).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        // Pretty and `Value` forms agree with the compact one.
        let pretty = serde_json::to_string_pretty(&report).unwrap();
        same(&serde_json::from_str::<Report>(&pretty).unwrap(), &want)?;
        let value = serde_json::to_value(&report).unwrap();
        same(&serde_json::from_value::<Report>(value.clone()).unwrap(), &want)?;
        // The wire shape: Exercism's fields are always there.
        prop_assert!(value["version"].is_u64() && value["status"].is_string() && value["tests"].is_array());
        for test in value["tests"].as_array().unwrap() {
            prop_assert!(test["duration_ms"].is_number(), "{}", test);
        }
    }

    #[test]
    fn a_run_output_round_trips_through_json(
        (stdout, stderr, truncated, error, exception, line, budget, (message_key, message_args)) in
            (text(), text(), any::<bool>(), prop::option::of(text()), prop::option::of(text()), prop::option::of(any::<u32>()), budget(), said())
    ) {
        let run = RunOutput { stdout, stderr, truncated, error, exception, message_key, message_args, line, budget };
        let json = serde_json::to_string(&run).unwrap();
        prop_assert_eq!(serde_json::from_str::<RunOutput>(&json).unwrap(), run);
    }
}
