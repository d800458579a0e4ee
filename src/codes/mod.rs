//! The code directories of both documents, embedded at build time from `data/`, and
//! their search.

mod entry;
pub mod extract;
pub mod fold;
mod names;
mod search;
mod tables;
mod typo;

pub use entry::{Entry, Field, Kind, UnknownKind};
pub use names::Names;
pub use search::{Hit, Rank, Searcher};
pub use tables::{District, DsnCountry, DsnProduct, DsnUnit, FillingCode};

/// M-App2, in the document's order.
pub fn districts() -> &'static [District] {
    tables::DISTRICTS
}

/// M-31, in the document's order.
pub fn filling_codes() -> &'static [FillingCode] {
    tables::FILLING_CODES
}

/// D-App3 facet 1.
pub fn dsn_countries() -> &'static [DsnCountry] {
    tables::DSN_COUNTRIES
}

/// D-App3 facet 2.
pub fn dsn_units() -> &'static [DsnUnit] {
    tables::DSN_UNITS
}

/// D-App3 facet 4.
pub fn dsn_products() -> &'static [DsnProduct] {
    tables::DSN_PRODUCTS
}

/// Every row of one directory, in the document's order.
pub fn entries(kind: Kind) -> Vec<Entry> {
    match kind {
        Kind::District => districts().iter().map(Entry::District).collect(),
        Kind::Filling => filling_codes().iter().map(Entry::Filling).collect(),
        Kind::DsnCountry => dsn_countries().iter().map(Entry::DsnCountry).collect(),
        Kind::DsnUnit => dsn_units().iter().map(Entry::DsnUnit).collect(),
        Kind::DsnProduct => dsn_products().iter().map(Entry::DsnProduct).collect(),
    }
}

/// Every row of every directory.
pub fn all_entries() -> Vec<Entry> {
    Kind::ALL.into_iter().flat_map(entries).collect()
}
