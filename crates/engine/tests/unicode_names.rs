//! `\N{...}` escapes and Unicode names as CPython 3.13 reads them. The parser's
//! `unicode_names2` 1.3 is replaced by `patches/unicode_names2` (answered from the one name
//! table `unicodedata` uses), which must keep its rules: a name or alias as written, up to
//! ASCII case, never a loose match (nor, as 1.3 did for a few, a prefix or a name
//! with a trailing space). Expected outputs are CPython 3.13's for the same program.
//! (Known differences the patch keeps from 1.3: lowercase algorithmic names such as
//! `hangul syllable ga` are accepted, and so are names newer than CPython 3.13's Unicode 15.1.)

mod common;

use common::on_big_stack;
use pykata_engine::{Engine, SystemHost};

const NAMES: &str = r#"
# Written as escapes in this program's own source, as a learner writes them.
print(ascii("\N{BOX DRAWINGS LIGHT HORIZONTAL}\N{LATIN SMALL LETTER A WITH ACUTE}\N{latin capital letter gha}"))
print(ascii(r"\N{SNOWMAN}"), ascii(f"{1}\N{BLACK STAR}"))


def escape(name):
    try:
        value = eval(compile('"\\N{' + name + '}"', "<names>", "eval"))
    except SyntaxError:
        return "SyntaxError"
    return " ".join(f"U+{ord(c):04X}" for c in value)


for name in [
    # names and aliases, up to ASCII case; algorithmic names
    "BOX DRAWINGS LIGHT HORIZONTAL", "LATIN SMALL LETTER A WITH ACUTE",
    "latin small letter a with acute", "LATIN CAPITAL LETTER GHA", "LATIN CAPITAL LETTER OI",
    "NBSP", "zwnbsp", "LINE FEED", "line feed", "LF", "END OF LINE", "SINGLE-SHIFT-2", "ss2",
    "BYTE ORDER MARK", "HANGUL SYLLABLE GA", "CJK UNIFIED IDEOGRAPH-4E00",
    "CJK COMPATIBILITY IDEOGRAPH-F900", "HANGUL JUNGSEONG O-E", "HANGUL JUNGSEONG OE",
    "TIBETAN MARK TSA -PHRU", "SNOWMAN",
    # nothing loose, no named sequences, no Tangut by number, nothing unknown
    "LATINSMALLLETTERA", "LATIN_SMALL_LETTER_A", "latin small letter-a", "LATIN  SMALL LETTER A",
    " LATIN SMALL LETTER A", "LATIN CAPITAL LETTERGHA", "N B S P", "LINE  FEED",
    "HANGUL JUNGSEONG O E", "TIBETAN MARK TSA-PHRU", "TANGUT IDEOGRAPH-17000",
    "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "NO SUCH NAME", "",
    # 1.3 took these (a prefix, a trailing space, a name cut short): CPython does not
    "COMBINING BREVE-MACRO", "DOWNWARDS DOUBLE ARROW ", "CUNEIFORM SIGN ASH OVER ASH OVER AS",
    "CUNEIFORM SIGN TA ASTERIS",
]:
    print(repr(name), escape(name))

import unicodedata
print(unicodedata.name("\u2500"), unicodedata.lookup("LATIN CAPITAL LETTER GHA") == "\u01a2")
"#;

/// `~/.pyenv/versions/3.13.0/bin/python` on `NAMES`.
const CPYTHON_3_13: &str = r#"'\u2500\xe1\u01a2'
'\\N{SNOWMAN}' '1\u2605'
'BOX DRAWINGS LIGHT HORIZONTAL' U+2500
'LATIN SMALL LETTER A WITH ACUTE' U+00E1
'latin small letter a with acute' U+00E1
'LATIN CAPITAL LETTER GHA' U+01A2
'LATIN CAPITAL LETTER OI' U+01A2
'NBSP' U+00A0
'zwnbsp' U+FEFF
'LINE FEED' U+000A
'line feed' U+000A
'LF' U+000A
'END OF LINE' U+000A
'SINGLE-SHIFT-2' U+008E
'ss2' U+008E
'BYTE ORDER MARK' U+FEFF
'HANGUL SYLLABLE GA' U+AC00
'CJK UNIFIED IDEOGRAPH-4E00' U+4E00
'CJK COMPATIBILITY IDEOGRAPH-F900' U+F900
'HANGUL JUNGSEONG O-E' U+1180
'HANGUL JUNGSEONG OE' U+116C
'TIBETAN MARK TSA -PHRU' U+0F39
'SNOWMAN' U+2603
'LATINSMALLLETTERA' SyntaxError
'LATIN_SMALL_LETTER_A' SyntaxError
'latin small letter-a' SyntaxError
'LATIN  SMALL LETTER A' SyntaxError
' LATIN SMALL LETTER A' SyntaxError
'LATIN CAPITAL LETTERGHA' SyntaxError
'N B S P' SyntaxError
'LINE  FEED' SyntaxError
'HANGUL JUNGSEONG O E' SyntaxError
'TIBETAN MARK TSA-PHRU' SyntaxError
'TANGUT IDEOGRAPH-17000' SyntaxError
'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE' SyntaxError
'NO SUCH NAME' SyntaxError
'' SyntaxError
'COMBINING BREVE-MACRO' SyntaxError
'DOWNWARDS DOUBLE ARROW ' SyntaxError
'CUNEIFORM SIGN ASH OVER ASH OVER AS' SyntaxError
'CUNEIFORM SIGN TA ASTERIS' SyntaxError
BOX DRAWINGS LIGHT HORIZONTAL True
"#;

#[test]
fn escapes_resolve_names_and_aliases_as_cpython_does() {
    on_big_stack(|| {
        let engine = Engine::new(SystemHost::default());
        let output = engine.run(NAMES, "", 30_000).expect("engine works");
        assert_eq!(output.error, None, "{}{}", output.stdout, output.stderr);
        assert_eq!(output.stdout, CPYTHON_3_13);
    });
}

#[test]
fn an_unknown_name_in_a_program_is_a_syntax_error() {
    on_big_stack(|| {
        let engine = Engine::new(SystemHost::default());
        let output = engine
            .run("print('before')\nprint('\\N{NO SUCH NAME}')\n", "", 30_000)
            .expect("engine works");
        assert_eq!(output.stdout, "", "a syntax error runs nothing");
        let error = output.error.expect("an error");
        assert!(error.contains("SyntaxError"), "{error}");
    });
}
