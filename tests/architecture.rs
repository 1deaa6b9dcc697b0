//! The house rules, checked on the source itself: no import cycle between modules, and no import from a
//! lower floor to a higher one (`ARCHITECTURE.md` draws the floors). The checker reads the `use` lines
//! and the `crate::…` paths of every file under `src/` (comments, strings and `#[cfg(test)]` modules
//! left out), resolves each to the longest module it names, and looks for strongly connected components.
//! It is tested on a small made-up tree first, so it is known to find what it looks for.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The floors, from the ground up. A module may import its own top-level module and lower floors only.
const FLOORS: &[(&str, u8)] = &[
    ("model", 1),
    ("formats", 2),
    ("briefing", 3),
    ("fuzz_targets", 4),
    ("platform", 3),
    ("state", 4),
    ("theme", 5),
    ("views", 6),
    ("app", 7),
    ("cli", 8),
    ("web", 8),
    ("crate", 9),
    ("main", 10),
];

/// Imports that go against the floors on purpose, each with its reason (also in ARCHITECTURE.md).
const ALLOWED_UPWARD: &[(&str, &str, &str)] = &[];

/// Cycles kept on purpose, each with its reason (also in ARCHITECTURE.md). A cycle that gains or loses
/// a module is a new cycle and fails. None today.
const ALLOWED_CYCLES: &[(&[&str], &str)] = &[];

/// Module path → source text, e.g. `"state::focus"` → the text of `src/state/focus.rs`; `"crate"` is
/// `lib.rs`; the binary's files (`main.rs`, `web.rs`) are `"main"` and `"web"`.
type Tree = BTreeMap<String, String>;

fn read_tree(root: &Path) -> Tree {
    let mut tree = Tree::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable src dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).expect("under src").with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let name = if parts == ["lib"] { "crate".to_owned() } else { parts.join("::") };
            tree.insert(name, std::fs::read_to_string(&path).expect("readable source"));
        }
    }
    tree
}

/// The text with comments, string and char literals blanked and `#[cfg(test)]` items removed.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            b'r' if matches!(b.get(i + 1), Some(b'#' | b'"')) && !ident_byte(i.checked_sub(1).map(|j| b[j])) => {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let body = i + 2 + hashes;
                let end = src.get(body..).and_then(|s| s.find(&close)).map_or(b.len(), |e| body + e + close.len());
                out.push_str("\"\"");
                i = end;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                // A char literal ('x', '\n', '\u{1F}'); lifetimes ('a) have no closing quote.
                let end = src[i + 1..].find('\'').map_or(b.len(), |e| i + 1 + e + 1);
                out.push_str("' '");
                i = end;
            }
            _ => {
                let c = src[i..].chars().next().expect("a char");
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    strip_test_items(&out)
}

fn ident_byte(b: Option<u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Removes every item that follows `#[cfg(test)]` (a `mod tests { … }` or a single item).
fn strip_test_items(code: &str) -> String {
    let mut out = code.to_owned();
    while let Some(at) = out.find("#[cfg(test)]") {
        let rest = &out[at..];
        let end = match (rest.find('{'), rest.find(';')) {
            (Some(open), semi) if semi.is_none_or(|s| open < s) => {
                let mut depth = 0;
                let mut end = rest.len();
                for (i, c) in rest.char_indices().skip(open) {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (_, Some(semi)) => semi + 1,
            _ => rest.len(),
        };
        out.replace_range(at..at + end, "");
    }
    out
}

/// Every path a module's code names, written out in full (`a::{b, c::d}` gives `a::b` and `a::c::d`).
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = code.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if (b[i].is_ascii_alphabetic() || b[i] == b'_') && !ident_byte(i.checked_sub(1).map(|j| b[j])) {
            let (path, end) = read_path(code, i);
            if path.contains("::") || path.ends_with("::{") {
                expand(&path, code, end, &mut out);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `a::b::c` from `at`; returns it and where it ends (at a `{` when a group follows).
fn read_path(code: &str, at: usize) -> (String, usize) {
    let b = code.as_bytes();
    let mut i = at;
    loop {
        while i < b.len() && ident_byte(Some(b[i])) {
            i += 1;
        }
        if code[i..].starts_with("::") {
            i += 2;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) == Some(&b'{') || !ident_byte(b.get(i).copied()) {
                break;
            }
        } else {
            break;
        }
    }
    (code[at..i].trim_end().to_owned(), i)
}

/// Adds `prefix` (which may end in `::` before a `{…}` group at `end`) and every path of the group.
fn expand(prefix: &str, code: &str, end: usize, out: &mut Vec<String>) {
    if !prefix.ends_with("::") || code.as_bytes().get(end) != Some(&b'{') {
        out.push(prefix.trim_end_matches("::").to_owned());
        return;
    }
    let close = matching_brace(code, end);
    expand_group(prefix, &code[end + 1..close], out);
}

/// Where the `}` that closes the `{` at `open` is (the end of the text when it is never closed).
fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in code.char_indices().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// The paths of a `{a, b::c, d::{e, f}}` group's inside, each after `prefix`.
fn expand_group(prefix: &str, group: &str, out: &mut Vec<String>) {
    let mut level = 0;
    let mut start = 0;
    let mut items = Vec::new();
    for (i, c) in group.char_indices() {
        match c {
            '{' => level += 1,
            '}' => level -= 1,
            ',' if level == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    for item in items {
        let item = item.trim();
        let item = item.split(" as ").next().unwrap_or(item).trim();
        if item.is_empty() || item == "*" || item == "self" {
            out.push(prefix.trim_end_matches("::").to_owned());
        } else if let Some(brace) = item.find('{') {
            let inner = &item[brace + 1..matching_brace(item, brace)];
            expand_group(&format!("{prefix}{}", item[..brace].trim()), inner, out);
        } else {
            out.push(format!("{prefix}{item}"));
        }
    }
}

/// The module edges of a tree: `from` → every module it imports.
fn edges(tree: &Tree) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<&str> = tree.keys().map(String::as_str).collect();
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len()).rev().map(|n| parts[..n].join("::")).find(|m| modules.contains(m.as_str()))
    };
    let mut out = BTreeMap::new();
    for (module, src) in tree {
        let code = code_only(src);
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
        let children: Vec<&str> =
            modules.iter().copied().filter(|m| m.rsplit_once("::").is_some_and(|(p, _)| p == module)).collect();
        let mut deps = BTreeSet::new();
        for path in paths(&code) {
            let (head, tail) = path.split_once("::").unwrap_or((path.as_str(), ""));
            let absolute = match head {
                "crate" | "alliance_atlas" => tail.to_owned(),
                "self" if module == "crate" => tail.to_owned(),
                "super" => {
                    let tail = tail.replace("super::", "");
                    if parent.is_empty() { tail } else { format!("{parent}::{tail}") }
                }
                "self" => format!("{module}::{tail}"),
                name if module == "crate" || module == "main" => {
                    if modules.contains(name) {
                        path.clone()
                    } else {
                        continue;
                    }
                }
                name if children.iter().any(|c| c.rsplit("::").next() == Some(name)) => format!("{module}::{path}"),
                _ => continue,
            };
            if let Some(target) = resolve(&absolute)
                && target != *module
            {
                deps.insert(target);
            }
        }
        out.insert(module.clone(), deps);
    }
    out
}

/// Groups of modules that import each other in a loop (Tarjan's strongly connected components).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        w.on_stack.insert(v);
        for next in w.edges.get(v).into_iter().flatten() {
            let next = next.as_str();
            if !w.index.contains_key(next) {
                visit(w, next);
                let low = w.low[v].min(w.low[next]);
                w.low.insert(v, low);
            } else if w.on_stack.contains(next) {
                let low = w.low[v].min(w.index[next]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut group = Vec::new();
            while let Some(top) = w.stack.pop() {
                w.on_stack.remove(top);
                group.push(top.to_owned());
                if top == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                w.found.push(group);
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            visit(&mut walk, v);
        }
    }
    walk.found
}

fn floor(module: &str) -> u8 {
    let top = module.split("::").next().unwrap_or(module);
    FLOORS.iter().find(|(name, _)| *name == top).map_or_else(|| panic!("{module}: no floor in FLOORS"), |(_, f)| *f)
}

/// Imports that break the floors: to a higher floor, or across modules of the same floor.
fn upward(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for (from, tos) in edges {
        for to in tos {
            let (top_from, top_to) = (from.split("::").next(), to.split("::").next());
            if top_from == top_to || floor(to) < floor(from) {
                continue;
            }
            if ALLOWED_UPWARD.iter().any(|(a, b, _)| a == from && b == to) {
                continue;
            }
            out.push(format!("{from} (floor {}) imports {to} (floor {})", floor(from), floor(to)));
        }
    }
    out
}

#[test]
fn the_checker_finds_a_cycle_and_an_upward_import_in_a_made_up_tree() {
    let tree: Tree = [
        ("crate", "pub mod model; pub mod state; pub mod views;"),
        ("model", "pub mod a; pub mod b; pub use a::Thing;"),
        ("model::a", "use super::b::Other; // crate::views::Nothing is a comment\npub struct Thing;"),
        ("model::b", "use crate::model::a::{Thing, self as _};\nlet s = \"crate::state::X\";"),
        ("state", "use crate::{model::Thing, views::widget};\n#[cfg(test)]\nmod tests { use crate::views::x; }"),
        ("views", "use crate::state::State;\npub fn widget() {}"),
    ]
    .into_iter()
    .map(|(m, s)| (m.to_owned(), s.to_owned()))
    .collect();
    let e = edges(&tree);
    assert_eq!(e["model::a"], BTreeSet::from(["model::b".to_owned()]), "comments are not imports");
    assert_eq!(e["model::b"], BTreeSet::from(["model::a".to_owned()]), "strings are not imports");
    assert!(e["state"].contains("views") && e["state"].contains("model"), "{:?}", e["state"]);
    let found = cycles(&e);
    assert!(found.contains(&vec!["model::a".to_owned(), "model::b".to_owned()]), "{found:?}");
    assert!(found.contains(&vec!["state".to_owned(), "views".to_owned()]), "{found:?}");
    let up = upward(&e);
    assert_eq!(up, vec!["state (floor 4) imports views (floor 6)".to_owned()]);
}

#[test]
fn src_has_no_import_cycle_and_no_upward_import() {
    let tree = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(tree.len() > 40, "read only {} modules", tree.len());
    let e = edges(&tree);
    assert!(e["state"].contains("model::index"), "the checker sees state's imports: {:?}", e["state"]);
    let found: Vec<Vec<String>> = cycles(&e)
        .into_iter()
        .filter(|c| !ALLOWED_CYCLES.iter().any(|(allowed, _)| c.iter().map(String::as_str).eq(allowed.iter().copied())))
        .collect();
    let up = upward(&e);
    let report: Vec<String> = found
        .iter()
        .map(|c| format!("cycle: {}", c.join(" ↔ ")))
        .chain(up.iter().map(|u| format!("upward: {u}")))
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}
