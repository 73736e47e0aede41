//! `pykata new PACK/EXERCISE`: scaffold an exercise that `pykata check` already passes, for
//! the author to rewrite piece by piece, and list it in the pack's `order`.

use anyhow::{Context, Result, bail};
use std::fs;
use std::path::Path;
use toml_edit::{Array, DocumentMut, Item, Value};

const EXERCISE_TOML: &str = include_str!("scaffold/exercise.toml");
const FILES: [(&str, &str); 5] = [
    ("prompt.md", include_str!("scaffold/prompt.md")),
    ("starter.py", include_str!("scaffold/starter.py")),
    ("solution.py", include_str!("scaffold/solution.py")),
    ("wrong/returns-string.py", include_str!("scaffold/returns-string.py")),
    ("wrong/prints.py", include_str!("scaffold/prints.py")),
];

pub(crate) fn run(path: &Path) -> Result<()> {
    let id = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.starts_with('-')
    {
        bail!("`{id}` cannot be an exercise id: use lowercase letters, digits and dashes (e.g. retry-decorator)");
    }
    if path.exists() {
        bail!("{} already exists", path.display());
    }
    let pack = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let topic = pack
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
    fs::create_dir_all(path.join("wrong")).with_context(|| format!("cannot create {}", path.display()))?;
    let manifest = EXERCISE_TOML
        .replace("{id}", id)
        .replace("{topic}", topic.as_deref().unwrap_or("general"));
    fs::write(path.join("exercise.toml"), manifest)?;
    for (name, text) in FILES {
        fs::write(path.join(name), text)?;
    }
    add_to_order(&pack.join("pack.toml"), id, topic.as_deref().unwrap_or("My pack"))?;
    eprintln!(
        "created {} and listed it in {}",
        path.display(),
        pack.join("pack.toml").display()
    );
    eprintln!("next: edit its files, then run `pykata check {}`", path.display());
    Ok(())
}

/// Append `id` to `order` in `pack_toml`, keeping its formatting; create the file if needed.
pub(crate) fn add_to_order(pack_toml: &Path, id: &str, title: &str) -> Result<()> {
    let text = if pack_toml.exists() {
        fs::read_to_string(pack_toml).with_context(|| format!("cannot read {}", pack_toml.display()))?
    } else {
        format!("title = {}\norder = []\n", Value::from(title))
    };
    let mut document: DocumentMut = text
        .parse()
        .with_context(|| format!("{} is not valid TOML", pack_toml.display()))?;
    match document.get_mut("order") {
        Some(Item::Value(Value::Array(order))) => order.push(id),
        None => {
            let mut order = Array::new();
            order.push(id);
            document["order"] = Item::Value(Value::Array(order));
        }
        Some(_) => bail!("{}: `order` must be an array of exercise ids", pack_toml.display()),
    }
    fs::write(pack_toml, document.to_string()).with_context(|| format!("cannot write {}", pack_toml.display()))
}
