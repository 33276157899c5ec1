//! Limits for files that come from other people. A kit that exceeds them is refused with a
//! message; nothing in revmap is allowed to crash, hang or eat memory on hostile input.

/// Largest case or session file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Deepest RON nesting accepted (a real case nests about six levels).
pub const MAX_DEPTH: usize = 32;
pub const MAX_PARTICIPANTS: usize = 100_000;
pub const MAX_TOPICS: usize = 10_000;
/// Items in any one list inside a participant (teaches, lacks, prefers).
pub const MAX_PER_PERSON: usize = 200;
pub const MAX_CAPACITY: u32 = 1_000;
/// Bytes in a name, id or other one-line field.
pub const MAX_SHORT_TEXT: usize = 1_000;
/// Bytes in a menu item of the catalogue or an entry of the goals stage.
pub const MAX_ENTRY_TEXT: usize = 4_000;
/// Bytes in a narrative or other long text.
pub const MAX_LONG_TEXT: usize = 200_000;
pub const MAX_AGE: i32 = 120;
/// Catalogue menus, resources, agenda items, fixed and forbidden pairs.
pub const MAX_LIST: usize = 100_000;

/// Deserializes a list but stops with an error as soon as it holds more than `MAX` items,
/// so a hostile file with a million entries is refused at the first one too many, before
/// it costs time or memory.
pub fn bounded<'de, D, T, const MAX: usize>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Visit<T, const MAX: usize>(std::marker::PhantomData<T>);

    impl<'de, T: serde::Deserialize<'de>, const MAX: usize> serde::de::Visitor<'de> for Visit<T, MAX> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a list of at most {MAX} items")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(item) = seq.next_element()? {
                if out.len() == MAX {
                    return Err(serde::de::Error::custom(format!(
                        "too many items: more than {MAX}; expected at most {MAX}"
                    )));
                }
                out.push(item);
            }
            Ok(out)
        }
    }

    d.deserialize_seq(Visit::<T, MAX>(std::marker::PhantomData))
}
