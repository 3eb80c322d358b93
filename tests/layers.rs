//! The layers run one way. Reads the `use` paths of every file under `src/` and checks
//! that no top-level module imports one that imports it back, that the bottom layers
//! import only what is below them, and that the base views do not reach into the
//! programs built on them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// An import from one module to another, with where it is written.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    at: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/tui/view/mod.rs` is `["tui", "view"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a line, without its comment.
fn code(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") {
        return "";
    }
    line.split(" //").next().unwrap_or(line)
}

/// Every module path a line names through `crate::` or `super::`, resolved from
/// `module`. A brace group (`crate::{a, b}`) names each of its first words.
fn paths_named(module: &[String], line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let starts_word = i == 0 || !is_word(bytes[i - 1]);
        let (mut base, mut j) = if starts_word && rest.starts_with("crate::") {
            (Vec::new(), i + "crate::".len())
        } else if starts_word && rest.starts_with("super::") {
            let mut base = module.to_vec();
            let mut j = i;
            while line[j..].starts_with("super::") {
                base.pop();
                j += "super::".len();
            }
            (base, j)
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // Further words: `tui::view::rows`.
        let mut words = Vec::new();
        loop {
            let end = line[j..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(line.len(), |e| j + e);
            if end == j {
                break;
            }
            words.push(line[j..end].to_string());
            j = end;
            if line[j..].starts_with("::") && !line[j + 2..].starts_with('{') {
                j += 2;
            } else {
                break;
            }
        }
        if line[j..].starts_with("::{") || (words.is_empty() && line[j..].starts_with('{')) {
            let open = j + line[j..].find('{').unwrap_or(0) + 1;
            let close = line[open..].find('}').map_or(line.len(), |c| open + c);
            for item in line[open..close].split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() {
                    let mut path = base.clone();
                    path.extend(words.iter().cloned());
                    path.push(first.to_string());
                    out.push(path);
                }
            }
            i = close.max(i + 1);
            continue;
        }
        if !words.is_empty() {
            base.extend(words);
            out.push(base);
        }
        i = j.max(i + 1);
    }
    out
}

/// Every import between modules, as `(file's module, named path, file:line)`.
fn imports() -> Vec<(Vec<String>, Vec<String>, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let module = module_of(&src, &file);
        let text = fs::read_to_string(&file).unwrap();
        let shown = file.strip_prefix(root).unwrap().display().to_string();
        for (n, line) in text.lines().enumerate() {
            for path in paths_named(&module, code(line)) {
                out.push((module.clone(), path, format!("{shown}:{}", n + 1)));
            }
        }
    }
    out
}

fn top_level_modules() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            let module = p.is_dir() || p.extension().is_some_and(|e| e == "rs");
            (module && name != "lib" && name != "main").then_some(name)
        })
        .collect()
}

/// The imports between top-level modules.
fn top_level_edges() -> Vec<Edge> {
    let modules = top_level_modules();
    imports()
        .into_iter()
        .filter_map(|(from, to, at)| {
            let from = from.first()?.clone();
            let to = to.first()?.clone();
            (from != to && modules.contains(&to)).then_some(Edge { from, to, at })
        })
        .collect()
}

/// A loop among the modules, as `a → b → … → a` with where each import is, if any.
fn find_cycle(edges: &[Edge]) -> Option<Vec<Edge>> {
    let mut out: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in edges {
        out.entry(e.from.as_str()).or_default().push(e);
    }
    fn visit<'e>(
        at: &'e str,
        out: &BTreeMap<&'e str, Vec<&'e Edge>>,
        path: &mut Vec<&'e Edge>,
        open: &mut BTreeSet<&'e str>,
        done: &mut BTreeSet<&'e str>,
    ) -> Option<Vec<Edge>> {
        open.insert(at);
        for e in out.get(at).into_iter().flatten() {
            path.push(e);
            if open.contains(e.to.as_str()) {
                let from = path.iter().position(|p| p.from == e.to).unwrap_or(0);
                return Some(path[from..].iter().map(|e| (*e).clone()).collect());
            }
            if !done.contains(e.to.as_str())
                && let Some(cycle) = visit(e.to.as_str(), out, path, open, done)
            {
                return Some(cycle);
            }
            path.pop();
        }
        open.remove(at);
        done.insert(at);
        None
    }
    let (mut open, mut done) = (BTreeSet::new(), BTreeSet::new());
    for start in out.keys() {
        if !done.contains(start)
            && let Some(cycle) = visit(start, &out, &mut Vec::new(), &mut open, &mut done)
        {
            return Some(cycle);
        }
    }
    None
}

fn describe(cycle: &[Edge]) -> String {
    cycle
        .iter()
        .map(|e| format!("{} → {} ({})", e.from, e.to, e.at))
        .collect::<Vec<_>>()
        .join("\n  ")
}

#[test]
fn no_top_level_module_imports_one_that_imports_it_back() {
    if let Some(cycle) = find_cycle(&top_level_edges()) {
        panic!(
            "the modules import each other in a loop:\n  {}",
            describe(&cycle)
        );
    }
}

/// The bottom layers, each with what it may import: the shared model imports nothing,
/// the content only the model, the engine the content and the model, the checker the
/// engine and below. None of them imports the interface words or a front end, but for
/// the RAP sheet reader, whose notes on what it could not read are said to the person
/// in the interview's language, as they are written.
#[test]
fn the_bottom_layers_import_only_what_is_below_them() {
    let allowed: &[(&str, &[&str])] = &[
        ("model", &[]),
        ("content", &["model"]),
        ("engine", &["model", "content", "sanitize"]),
        ("check", &["model", "content", "engine"]),
        ("strings", &["model", "content", "engine"]),
        (
            "rapsheet",
            &["model", "content", "casefile", "sanitize", "strings"],
        ),
    ];
    let mut wrong = Vec::new();
    for e in top_level_edges() {
        if let Some((_, may)) = allowed.iter().find(|(m, _)| *m == e.from)
            && !may.contains(&e.to.as_str())
        {
            wrong.push(format!("{} → {} ({})", e.from, e.to, e.at));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n  {}",
        wrong.join("\n  ")
    );
}

/// The base views draw the interview; the kiosk and the intake desk wrap them. A base
/// view that reaches into its wrappers ties them in a loop.
#[test]
fn the_base_views_do_not_import_their_wrappers() {
    let mut wrong = Vec::new();
    for (from, to, at) in imports() {
        let in_view = from.starts_with(&["tui".to_string(), "view".to_string()]);
        let wrapper = to.len() >= 2 && to[0] == "tui" && (to[1] == "kiosk" || to[1] == "desk");
        if in_view && wrapper {
            wrong.push(format!("{} → {} ({at})", from.join("::"), to.join("::")));
        }
    }
    assert!(
        wrong.is_empty(),
        "base views import their wrappers:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn import_paths_are_read_as_written() {
    let module = vec!["tui".to_string(), "view".to_string()];
    assert_eq!(
        paths_named(&module, "use crate::engine::{Slot, Value};"),
        vec![vec!["engine", "Slot"], vec!["engine", "Value"]]
    );
    assert_eq!(
        paths_named(
            &module,
            "            crate::tui::kiosk::view::welcome(app, frame, body)"
        ),
        vec![vec!["tui", "kiosk", "view", "welcome"]]
    );
    assert_eq!(
        paths_named(&module, "use super::kiosk::view;"),
        vec![vec!["tui", "kiosk", "view"]]
    );
    assert_eq!(
        paths_named(&module, code("let x = supercrate::a; // crate::b")),
        Vec::<Vec<String>>::new()
    );
    let cycle = find_cycle(&[
        Edge {
            from: "a".into(),
            to: "b".into(),
            at: "1".into(),
        },
        Edge {
            from: "b".into(),
            to: "a".into(),
            at: "2".into(),
        },
    ]);
    assert_eq!(cycle.map(|c| c.len()), Some(2), "a loop of two is found");
}
