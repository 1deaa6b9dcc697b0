//! Id → position lookups kept small: the ids in one flat buffer and the positions sorted by id, searched
//! by bisection (a hash map of cloned `String` keys took 90 MB at a million initiatives; this takes 24).

use super::ragged::Texts;

/// Positions of items by their id. When an id is repeated (an error the loader reports), the first
/// position is found.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ids {
    ids: Texts,
    by_id: Vec<usize>,
}

impl Ids {
    /// Indexes the ids of a list, in list order.
    pub fn new<'a>(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut texts = Texts::default();
        for id in ids {
            texts.buffer().push_str(id);
            texts.end_entry();
        }
        texts.shrink_to_fit();
        let mut by_id: Vec<usize> = (0..texts.len()).collect();
        by_id.sort_by(|&a, &b| texts.get(a).cmp(&texts.get(b)).then(a.cmp(&b)));
        Self { ids: texts, by_id }
    }

    /// The position of the item with this id.
    pub fn get(&self, id: &str) -> Option<&usize> {
        let k = self.by_id.partition_point(|&p| self.ids.get(p).is_some_and(|s| s < id));
        self.by_id.get(k).filter(|&&p| self.ids.get(p) == Some(id))
    }

    /// Whether an item has this id.
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lookups_equal_a_linear_scan(ids in proptest::collection::vec("[a-c]{0,3}", 0..30), probe in "[a-c]{0,3}") {
            let index = Ids::new(ids.iter().map(String::as_str));
            for id in ids.iter().chain([&probe]) {
                let first = ids.iter().position(|x| x == id);
                proptest::prop_assert_eq!(index.get(id).copied(), first);
                proptest::prop_assert_eq!(index.contains_key(id), first.is_some());
            }
        }
    }
}
