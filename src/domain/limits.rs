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
/// Bytes in a narrative or other long text.
pub const MAX_LONG_TEXT: usize = 200_000;
pub const MAX_AGE: i32 = 120;
/// Catalogue menus, resources, agenda items, fixed and forbidden pairs.
pub const MAX_LIST: usize = 100_000;
