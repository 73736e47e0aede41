//! `unicode_names2::character` as version 1.3 answers it (see README.md), from the tables of
//! `unicode_names2` 3.1 and `rustpython-unicode`.
#![deny(missing_docs)]

/// The character called `search_name` (a name or a name alias, compared up to ASCII case),
/// or `None`.
pub fn character(search_name: &str) -> Option<char> {
    let upper = search_name.to_ascii_uppercase();
    let Some(ch) = names3::character(search_name) else {
        // 3.1 finds no alias of several words ("LATIN CAPITAL LETTER GHA", "LINE FEED"):
        // rustpython-unicode's alias table holds them all, compared up to case. Its other
        // addition, Tangut ideographs by number, was never 1.3's (nor CPython 3.13's).
        if upper.starts_with("TANGUT IDEOGRAPH-") {
            return None;
        }
        return rustpython_unicode::lookup_character(search_name);
    };
    let name = names3::name(ch).map(|name| name.to_string());
    if name.as_deref() == Some(upper.as_str()) {
        return Some(ch);
    }
    // 3.1 matches loosely (UAX44-LM2: case, spaces, underscores and medial hyphens ignored)
    // and finds aliases of one word ("NBSP", "LF"). Take only such an alias, as written.
    let one_word = !upper.is_empty() && upper.bytes().all(|b| b.is_ascii_alphanumeric());
    let loose_name = name.is_some_and(|name| squeezed(&name) == upper);
    (one_word && !loose_name).then_some(ch)
}

/// A name without its spaces and medial hyphens: what loose matching compares.
fn squeezed(name: &str) -> String {
    let bytes = name.as_bytes();
    let medial = |i: usize| {
        i > 0 && bytes[i - 1].is_ascii_alphanumeric() && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
    };
    (0..bytes.len())
        .filter(|&i| bytes[i] != b' ' && !(bytes[i] == b'-' && medial(i)))
        .map(|i| bytes[i] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::character;

    #[test]
    fn names_and_aliases_as_written_up_to_case() {
        assert_eq!(character("BOX DRAWINGS LIGHT HORIZONTAL"), Some('\u{2500}'));
        assert_eq!(character("latin small letter a with acute"), Some('\u{e1}'));
        assert_eq!(character("LATIN CAPITAL LETTER GHA"), Some('\u{1a2}'));
        assert_eq!(character("nbsp"), Some('\u{a0}'));
        assert_eq!(character("LINE FEED"), Some('\n'));
        assert_eq!(character("SINGLE-SHIFT-2"), Some('\u{8e}'));
        assert_eq!(character("HANGUL SYLLABLE GA"), Some('\u{ac00}'));
        assert_eq!(character("CJK UNIFIED IDEOGRAPH-4E00"), Some('\u{4e00}'));
        assert_eq!(character("HANGUL JUNGSEONG O-E"), Some('\u{1180}'));
        assert_eq!(character("TIBETAN MARK TSA -PHRU"), Some('\u{f39}'));
    }

    #[test]
    fn nothing_loose() {
        for name in [
            "LATINSMALLLETTERA",
            "LATIN_SMALL_LETTER_A",
            "latin small letter-a",
            "LATIN  SMALL LETTER A",
            " LATIN SMALL LETTER A",
            "LATIN CAPITAL LETTERGHA",
            "N B S P",
            "HANGULSYLLABLEGA",
            "CJKUNIFIEDIDEOGRAPH4E00",
            "HANGUL JUNGSEONG O E",
            "TIBETAN MARK TSA-PHRU",
            "TANGUT IDEOGRAPH-17000",
            "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
            "NO SUCH NAME",
            // 1.3 took these four; CPython does not.
            "COMBINING BREVE-MACRO",
            "DOWNWARDS DOUBLE ARROW ",
            "CUNEIFORM SIGN ASH OVER ASH OVER AS",
            "CUNEIFORM SIGN TA ASTERIS",
            "",
        ] {
            assert_eq!(character(name), None, "{name:?}");
        }
    }
}
