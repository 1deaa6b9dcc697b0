//! Lists of lists and lists of strings stored flat: one buffer and the end of each entry, instead of a
//! heap allocation per entry (at a million initiatives that is tens of megabytes of headers and
//! allocator padding saved, and one cache-friendly scan for search).

/// Where entry `i` lies in the flat buffer, from the ends of all entries.
fn entry(ends: &[usize], i: usize) -> Option<std::ops::Range<usize>> {
    let end = *ends.get(i)?;
    Some(i.checked_sub(1).and_then(|j| ends.get(j)).copied().unwrap_or(0)..end)
}

/// A list of lists of `T`, flat.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ragged<T> {
    items: Vec<T>,
    ends: Vec<usize>,
}

impl<T> Default for Ragged<T> {
    fn default() -> Self {
        Self { items: Vec::new(), ends: Vec::new() }
    }
}

impl<T> Ragged<T> {
    /// Entry `i`; `None` past the end.
    pub fn get(&self, i: usize) -> Option<&[T]> {
        self.items.get(entry(&self.ends, i)?)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every entry, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Adds an entry.
    pub fn push(&mut self, entry: impl IntoIterator<Item = T>) {
        self.items.extend(entry);
        self.ends.push(self.items.len());
    }
}

impl<T, E: IntoIterator<Item = T>> FromIterator<E> for Ragged<T> {
    fn from_iter<I: IntoIterator<Item = E>>(iter: I) -> Self {
        let mut out = Self::default();
        iter.into_iter().for_each(|entry| out.push(entry));
        out.items.shrink_to_fit();
        out
    }
}

/// A list of strings, flat.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Texts {
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    /// String `i`; `None` past the end.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.text.get(entry(&self.ends, i)?)
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The buffer to write the next string into; [`Self::end_entry`] closes it.
    pub fn buffer(&mut self) -> &mut String {
        &mut self.text
    }

    /// Ends the string being written into [`Self::buffer`].
    pub fn end_entry(&mut self) {
        self.ends.push(self.text.len());
    }

    /// Replaces string `i` with `with` (an edit of one initiative): the text after it moves, and the
    /// later ends shift by the difference. Does nothing past the end.
    pub fn replace(&mut self, i: usize, with: &str) {
        let Some(range) = entry(&self.ends, i) else { return };
        let (old, new) = (range.len(), with.len());
        if new > old && self.text.len() + (new - old) > self.text.capacity() {
            // A little room, not the doubling `replace_range` would do to a buffer of many megabytes.
            self.text.reserve_exact(new - old + self.text.len() / 64);
        }
        self.text.replace_range(range, with);
        for end in &mut self.ends[i..] {
            *end = *end - old + new;
        }
    }

    /// Gives back spare capacity once every string is in.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn flat_lists_give_back_what_went_in(lists in proptest::collection::vec(proptest::collection::vec(0u8..9, 0..5), 0..20)) {
            let ragged: Ragged<u8> = lists.iter().cloned().collect();
            proptest::prop_assert_eq!(ragged.len(), lists.len());
            for (i, list) in lists.iter().enumerate() {
                proptest::prop_assert_eq!(ragged.get(i), Some(list.as_slice()));
            }
            proptest::prop_assert_eq!(ragged.get(lists.len()), None);
            let mut texts = Texts::default();
            for list in &lists {
                texts.buffer().extend(list.iter().map(|d| char::from(b'a' + d)));
                texts.end_entry();
            }
            for (i, list) in lists.iter().enumerate() {
                let expected: String = list.iter().map(|d| char::from(b'a' + d)).collect();
                proptest::prop_assert_eq!(texts.get(i), Some(expected.as_str()));
            }
        }

        #[test]
        fn a_replaced_string_leaves_the_others(words in proptest::collection::vec("[a-zé]{0,4}", 1..12), at in 0usize..12, with in "[a-zé]{0,6}") {
            let mut texts = Texts::default();
            for w in &words {
                texts.buffer().push_str(w);
                texts.end_entry();
            }
            texts.replace(at, &with);
            for (i, w) in words.iter().enumerate() {
                let expected = if i == at { with.as_str() } else { w.as_str() };
                proptest::prop_assert_eq!(texts.get(i), Some(expected));
            }
            proptest::prop_assert_eq!(texts.len(), words.len());
        }
    }
}
