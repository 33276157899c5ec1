//! One module per stage: its UI state and how it answers actions. Views live in `ui/`.

pub mod case;
pub mod goals;
pub mod map;
pub mod pairs;
pub mod present;
pub mod start;
