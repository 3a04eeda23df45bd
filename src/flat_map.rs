//! A small map of text to text kept in one string: a record's front matter.
//!
//! A listing reads ten thousand front matters of about ten keys each. Read into a
//! `BTreeMap<String, String>`, each cost some twenty allocations and as many frees, and
//! the front matter was a third of a listing's instructions. Here the keys and values sit
//! end to end in one string, with their places in a vector beside it: two allocations,
//! whatever the number of keys.
//! Only a message or a site page lists the keys; everything else looks one up.

use std::fmt;
use std::ops::Range;

/// Text keys and text values. A key written twice has the value written last, as in YAML
/// readers.
#[derive(Clone, Default)]
pub(crate) struct FlatMap {
    text: String,
    /// In the order written. Not sorted: a front matter has about ten keys, and looking
    /// along them (lengths first) costs less than sorting them for every record.
    entries: Vec<Entry>,
}

#[derive(Clone)]
struct Entry {
    key: Range<usize>,
    value: Range<usize>,
}

impl FlatMap {
    /// An empty map with room for `bytes` of keys and values.
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        FlatMap {
            text: String::with_capacity(bytes),
            entries: Vec::with_capacity(16),
        }
    }

    /// Add a key and its value; a key already there gets this value.
    pub(crate) fn push(&mut self, key: &str, value: &str) {
        let key_start = self.text.len();
        self.text.push_str(key);
        let value_start = self.text.len();
        self.text.push_str(value);
        self.entries.push(Entry {
            key: key_start..value_start,
            value: value_start..self.text.len(),
        });
    }

    /// Add an item to the value pushed last, after ", " unless it is empty: a YAML list
    /// read one line at a time. Does nothing when no key was pushed.
    pub(crate) fn append_to_last(&mut self, item: &str) {
        let Some(last) = self.entries.last_mut() else {
            return;
        };
        // The last value ends the text: nothing was pushed after it.
        if !last.value.is_empty() {
            self.text.push_str(", ");
        }
        self.text.push_str(item);
        last.value.end = self.text.len();
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        // Lengths first, and bytes: slicing the text as `str` checks both ends fall
        // between characters, for every key looked at.
        let text = self.text.as_bytes();
        self.entries
            .iter()
            .rev()
            .find(|entry| {
                entry.key.len() == key.len() && text[entry.key.clone()] == *key.as_bytes()
            })
            .map(|entry| self.value(entry))
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Keys and values in key order, each key once with its value written last.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut order: Vec<&Entry> = self.entries.iter().collect();
        // Stable: of equal keys, the one written last stays last.
        order.sort_by(|a, b| self.key(a).cmp(self.key(b)));
        let mut kept: Vec<&Entry> = Vec::with_capacity(order.len());
        for entry in order {
            match kept.last_mut() {
                Some(last) if self.key(last) == self.key(entry) => *last = entry,
                _ => kept.push(entry),
            }
        }
        kept.into_iter()
            .map(|entry| (self.key(entry), self.value(entry)))
    }

    fn key(&self, entry: &Entry) -> &str {
        &self.text[entry.key.clone()]
    }

    fn value(&self, entry: &Entry) -> &str {
        &self.text[entry.value.clone()]
    }
}

/// Equal when they hold the same keys and values, however the text was laid out.
impl PartialEq for FlatMap {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for FlatMap {}

impl fmt::Debug for FlatMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// As a map, the way templates see the front matter.
impl serde::Serialize for FlatMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> FromIterator<(K, V)> for FlatMap {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = FlatMap::default();
        for (key, value) in pairs {
            map.push(key.as_ref(), value.as_ref());
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// What a `BTreeMap` makes of the same pushes: the behaviour this map replaces.
    fn as_btree(pushes: &[(&str, &str)]) -> BTreeMap<String, String> {
        pushes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_as_a_btree_map_of_the_same_pushes_reads() {
        let cases: &[&[(&str, &str)]] = &[
            &[],
            &[("status", "accepted")],
            &[("status", "accepted"), ("date", "2026-01-02"), ("a", "")],
            // A key written again: the later value wins, wherever the key sorts.
            &[("b", "1"), ("a", "2"), ("b", "3"), ("c", "4"), ("b", "5")],
            &[("", "empty key"), ("é", "non-ASCII"), ("E", "upper")],
            &[("x", "1"), ("x", "2"), ("x", "3")],
        ];
        for pushes in cases {
            let map: FlatMap = pushes.iter().copied().collect();
            let expected = as_btree(pushes);
            assert_eq!(
                map.iter().collect::<Vec<_>>(),
                expected
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect::<Vec<_>>(),
                "{pushes:?}"
            );
            for (key, value) in &expected {
                assert_eq!(map.get(key), Some(value.as_str()), "{key} in {pushes:?}");
            }
            assert_eq!(map.get("missing"), None);
            assert!(!map.contains_key("missing"));
        }
    }

    #[test]
    fn list_items_join_the_value_pushed_last() {
        let mut map = FlatMap::default();
        map.append_to_last("before any key");
        map.push("tags", "");
        map.append_to_last("a");
        map.append_to_last("b");
        map.push("deciders", "Ana");
        map.append_to_last("Ben");
        assert_eq!(map.get("tags"), Some("a, b"));
        assert_eq!(map.get("deciders"), Some("Ana, Ben"));
        assert_eq!(map.iter().count(), 2);
    }

    #[test]
    fn equal_maps_compare_equal_whatever_their_layout() {
        let one: FlatMap = [("a", "1"), ("b", "2")].into_iter().collect();
        let other: FlatMap = [("b", "x"), ("b", "2"), ("a", "1")].into_iter().collect();
        assert_eq!(one, other);
        assert_ne!(one, FlatMap::default());
        assert_eq!(format!("{one:?}"), r#"{"a": "1", "b": "2"}"#);
    }
}
