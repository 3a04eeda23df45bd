//! The content shipped inside the binary: everything under `playbooks/` at build time.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The embedded files under `dir` (relative to `playbooks/`, no trailing slash; "" for the
/// top level) with the given extension, not descending into sub-directories.
pub(crate) fn files_in(
    dir: &str,
    extension: &str,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    let dir = dir.to_string();
    let suffix = format!(".{extension}");
    FILES.iter().copied().filter(move |(path, _)| {
        let (parent, name) = match path.rfind('/') {
            Some(index) => (&path[..index], &path[index + 1..]),
            None => ("", *path),
        };
        parent == dir && name.ends_with(&suffix)
    })
}
