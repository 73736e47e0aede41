//! The names serde knows for a type — a struct's fields, an enum's variants — read from its
//! `Deserialize` impl, so diagnostics list what is allowed without restating it; and the
//! "did you mean" that picks the nearest of them.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// What a probe found: the names serde passed to `deserialize_struct` or `deserialize_enum`.
#[derive(Debug)]
struct Found(&'static [&'static str]);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "names: {:?}", self.0)
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Found(&[])
    }
}

/// A deserializer that holds no data: it only records the names it is asked for.
struct Probe;

impl<'de> Deserializer<'de> for Probe {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The field names of struct `T` or the variant names of enum `T`, as written in TOML.
pub(crate) fn names_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Found(names)) => names,
        Ok(_) => &[],
    }
}

/// The name among `known` that `word` most likely misspells, if one is close enough: at most
/// one edit (a swap counts as one) for short words, a third of the length for long ones.
pub(crate) fn did_you_mean<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    let word = word.to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    known
        .iter()
        .map(|name| (strsim::damerau_levenshtein(&word, &name.to_lowercase()), *name))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// `a`, `b`, `c` — names in backticks for a hint.
pub(crate) fn listed(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckKind, Manifest};

    #[test]
    fn reads_fields_and_variants_from_the_types() {
        assert!(names_of::<Manifest>().contains(&"checks"));
        assert_eq!(
            names_of::<CheckKind>(),
            ["output", "assert", "behaviour", "static", "unittest"]
        );
    }

    #[test]
    fn suggests_near_misses_only() {
        let kinds = names_of::<CheckKind>();
        assert_eq!(did_you_mean("behavior", kinds), Some("behaviour"));
        assert_eq!(did_you_mean("Output", kinds), Some("output"));
        assert_eq!(did_you_mean("cdoe", &["code", "title"]), Some("code"));
        assert_eq!(did_you_mean("lint", kinds), None);
    }
}
